import { env } from "../env";

// Every link a customer receives is built here, from APP_URL.
export function scoreUrl(token: string, score: number): string {
  return `${env().APP_URL}/s/${token}/${score}`;
}

export function landingUrl(token: string): string {
  return `${env().APP_URL}/s/${token}`;
}

export function unsubscribeUrl(token: string): string {
  return `${env().APP_URL}/s/${token}/unsubscribe`;
}

/**
 * The unsubscribe headers of every survey email: the link, and RFC 8058's one-click POST, which mailbox providers
 * send to that same URL (app/s/[token]/unsubscribe answers POST without further interaction).
 */
export function unsubscribeHeaders(token: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl(token)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
