import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env, isDemoMode } from "../env";
import { InputError } from "../forms/input-error";

// AES-256-GCM: a fresh 12-byte IV per secret and the 16-byte tag, stored as "v1:<iv>:<tag>:<ciphertext>" (base64).
const VERSION = "v1";

function key(): Buffer {
  const configured = env().SSO_ENCRYPTION_KEY;
  if (configured) return Buffer.from(configured, "base64");
  // The demo has no operator to set a key: one derived from its own (generated) session secret is enough there.
  if (isDemoMode()) return createHash("sha256").update(`nps-loop demo sso key:${env().NEXTAUTH_SECRET ?? ""}`).digest();
  throw new InputError({ form: "Single sign-on needs SSO_ENCRYPTION_KEY on the server (ask your operator)" });
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(":");
}

/** Throws when the stored value was altered or sealed with another key (the tag does not match). */
export function openSecret(stored: string): string {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
}
