import { X509Certificate } from "node:crypto";
import { z } from "zod";

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The certificate as PEM: providers offer a .pem/.cer download, or show the bare base64 to copy. */
function asPem(value: string): string {
  const pem = value.match(PEM)?.[0];
  if (pem) return pem;
  const body = value.replace(/\s+/g, "");
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join("\n") ?? ""}\n-----END CERTIFICATE-----`;
}

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

/** The SAML provider's signing certificate, checked to be one (and in date) as it is saved. */
export const samlSigningCertificate = z
  .string()
  .trim()
  .max(20_000)
  .transform(asPem)
  .refine((pem) => parse(pem) !== null, {
    message: "Paste your provider's signing certificate: the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----",
    abort: true,
  })
  .refine((pem) => new Date(parse(pem)?.validTo ?? 0) > new Date(), "This certificate has expired: paste your provider's current signing certificate");

/** How the audit log names a certificate without holding it: its SHA-256 fingerprint. */
export const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;
