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
