"use server";

import { signInEmailSchema } from "@/lib/identity/schemas";
import { ssoSignInPathFor } from "@/lib/identity/sso-connections";

/** Where the sign-in form goes for this address: its company's provider (a path), or null for an email link. */
export async function ssoSignInPathAction(email: string): Promise<string | null> {
  const parsed = signInEmailSchema.safeParse(email);
  return parsed.success ? ssoSignInPathFor(parsed.data) : null;
}
