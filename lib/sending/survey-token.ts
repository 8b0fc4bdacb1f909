import { randomBytes } from "node:crypto";

// 24 random bytes = 192 bits, base64url: 32 characters that reveal nothing about the tenant or contact.
const TOKEN_BYTES = 24;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newSurveyToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Rejects malformed tokens before they reach the database. */
export function isWellFormedSurveyToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
