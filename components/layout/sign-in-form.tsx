"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { z } from "zod";

const emailSchema = z.email();

/** An address in a domain a company claimed goes to its provider; any other gets an email link. */
async function ssoPathFor(email: string): Promise<string | null> {
  const response = await fetch(`/signin/sso/discover?${new URLSearchParams({ email })}`);
  return response.ok ? ((await response.json()) as { path: string | null }).path : null;
}

export function SignInForm() {
  const t = useTranslations("signin");
  const forms = useTranslations("forms");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(formData: FormData) {
    const parsed = emailSchema.safeParse(String(formData.get("email") ?? "").trim().toLowerCase());
    if (!parsed.success) return setError(forms("enterValidEmail"));
    setError(null);
    setPending(true);
    const ssoPath = await ssoPathFor(parsed.data);
    if (ssoPath) return window.location.assign(ssoPath);
    await signIn("email", { email: parsed.data, callbackUrl: "/dashboard" });
  }

  return (
    <form action={submit} className="form" noValidate>
      <div className="field">
        <label htmlFor="email">{t("workEmail")}</label>
        <input id="email" name="email" type="email" autoComplete="email" aria-invalid={Boolean(error)} />
        {error && <p className="field-error">{error}</p>}
      </div>
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("signingIn") : t("continue")}
        </button>
      </div>
    </form>
  );
}
