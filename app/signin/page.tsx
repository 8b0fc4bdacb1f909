import { SignInForm } from "@/components/layout/sign-in-form";
import { listDemoSignIns } from "@/lib/auth/demo-sign-in";
import { ROLE_LABELS } from "@/lib/members/schemas";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  // Empty outside demo mode (lib/auth/demo-sign-in.ts).
  const demoUsers = await listDemoSignIns();
  const tenants = [...new Set(demoUsers.map((user) => user.tenant))];
  return (
    <div className="centered">
      <div className="signin-stack">
        <div className="card">
          <h1>Sign in to NPS Loop</h1>
          <p className="muted">We email you a sign-in link, or send you to your company's sign-in if it uses single sign-on.</p>
          {error === "RateLimited" ? (
            // The same words for every address: they must not tell whether it has an account.
            <p className="field-error" role="alert">
              Too many sign-in links were asked for. Wait 15 minutes, then ask for a new one.
            </p>
          ) : error === "SsoRequired" ? (
            <p className="field-error" role="alert">
              Your company requires single sign-on: email links are switched off for its addresses. Enter your work email and
              press Continue to sign in through your company.
            </p>
          ) : (
            error && <p className="field-error">That sign-in link is no longer valid. Ask for a new one.</p>
          )}
          <SignInForm />
        </div>
        {demoUsers.length > 0 && (
          <section className="card" aria-labelledby="demo-users">
            <h2 id="demo-users" className="card-title">
              Demo users
            </h2>
            <p className="muted">One click signs you in as that person.</p>
            {tenants.map((tenant) => (
              <div key={tenant}>
                <h3 className="demo-tenant">{tenant}</h3>
                <ul className="demo-users">
                  {demoUsers
                    .filter((user) => user.tenant === tenant)
                    .map((user) => (
                      <li key={user.email}>
                        <span className="who">
                          <strong>{ROLE_LABELS[user.role]}</strong>
                          {user.stores?.length ? <> · {user.stores.join(", ")}</> : null}
                          <br />
                          <span className="muted">{user.email}</span>
                        </span>
                        <form method="post" action="/signin/demo">
                          <input type="hidden" name="email" value={user.email} />
                          <button className="button secondary" type="submit" aria-label={`Sign in as ${user.email}`}>
                            Sign in
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
