/** Why a sign-in through the provider did not end in a session; the sign-in pages say each in plain words. */
export type SsoFailure = "not_configured" | "unavailable" | "refused" | "expired" | "domain_not_claimed" | "no_access";

export class SsoSignInError extends Error {
  constructor(readonly reason: SsoFailure, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "SsoSignInError";
  }
}

// The time a person has between leaving for the provider and coming back (state, nonce, AuthnRequest id).
export const SIGN_IN_MINUTES = 10;
