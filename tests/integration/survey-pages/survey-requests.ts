import { createTenant, createTestStore, sendTestSurvey } from "../../support/factories";

// Requests to the public survey routes as the server would hand them over.

/** What a phone's browser sends when a customer taps a link in their mail. */
export const BROWSER_HEADERS = {
  "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1",
  "accept-language": "de-DE,de;q=0.9",
  "sec-fetch-mode": "navigate",
};

export function surveyRequest(path: string, init: RequestInit & { ip?: string } = {}) {
  const { ip = "203.0.113.7", headers, ...rest } = init;
  return new Request(`http://localhost:3000${path}`, {
    ...rest,
    headers: { ...BROWSER_HEADERS, "x-forwarded-for": ip, ...(headers as Record<string, string> | undefined) },
  });
}

export function routeParams<T extends object>(value: T) {
  return { params: Promise.resolve(value) };
}

export async function storeSurvey(locale: "en" | "de" = "de") {
  const { tenant } = await createTenant();
  const store = await createTestStore(tenant);
  return sendTestSurvey(tenant, { storeId: store.id, locale });
}
