import { SignInForm } from "@/components/layout/sign-in-form";
import { listDemoSignIns } from "@/lib/auth/demo-sign-in";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  // Empty outside demo mode (lib/auth/demo-sign-in.ts).
  const [demoUsers, t, roles] = await Promise.all([listDemoSignIns(), getTranslations("signin"), getTranslations("roles")]);
  const tenants = [...new Set(demoUsers.map((user) => user.tenant))];
  return (
    <div className="centered">
      <div className="signin-stack">
        <div className="card">
          <h1>{t("title")}</h1>
          <p className="muted">{t("intro")}</p>
          {error === "RateLimited" ? (
            // The same words for every address: they must not tell whether it has an account.
            <p className="field-error" role="alert">
              {t("rateLimited")}
            </p>
          ) : error === "SsoRequired" ? (
            <p className="field-error" role="alert">
              {t("ssoRequired")}
            </p>
          ) : (
            error && <p className="field-error">{t("invalidLink")}</p>
          )}
          <SignInForm />
        </div>
        {demoUsers.length > 0 && (
          <section className="card" aria-labelledby="demo-users">
            <h2 id="demo-users" className="card-title">
              {t("demoUsers")}
            </h2>
            <p className="muted">{t("demoIntro")}</p>
            {tenants.map((tenant) => (
              <div key={tenant}>
                <h3 className="demo-tenant">{tenant}</h3>
                <ul className="demo-users">
                  {demoUsers
                    .filter((user) => user.tenant === tenant)
                    .map((user) => (
                      <li key={user.email}>
                        <span className="who">
                          <strong>{roles(user.role)}</strong>
                          {user.stores?.length ? <> · {user.stores.join(", ")}</> : null}
                          <br />
                          <span className="muted">{user.email}</span>
                        </span>
                        <form method="post" action="/signin/demo">
                          <input type="hidden" name="email" value={user.email} />
                          <button className="button secondary" type="submit" aria-label={t("signInAs", { email: user.email })}>
                            {t("signIn")}
                          </button>
                        </form>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </section>
        )}
      </div>
    </div>
  );
}
