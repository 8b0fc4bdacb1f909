import { createTenant, createTestStore, sendTestSurvey } from "../../support/factories";

// Requests to the public survey routes as the server would hand them over.

export function surveyRequest(path: string, init: RequestInit & { ip?: string } = {}) {
  const { ip = "203.0.113.7", headers, ...rest } = init;
  return new Request(`http://localhost:3000${path}`, {
    ...rest,
    headers: { "x-forwarded-for": ip, ...(headers as Record<string, string> | undefined) },
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
