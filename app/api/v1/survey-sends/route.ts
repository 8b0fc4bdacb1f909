import { apiRoute, headerValue, json, parseBody } from "@/lib/api/handler";
import { idempotencyKey, surveySendRequest } from "@/lib/api/schemas";
import { createSurveySendFromApi } from "@/lib/api/survey-sends";

export const POST = apiRoute(async ({ caller, request }) => {
  const key = headerValue(request, "Idempotency-Key", idempotencyKey);
  const body = await parseBody(request, surveySendRequest);
  const { result, replayed } = await createSurveySendFromApi(caller, body, key);
  return json(result, 202, replayed ? { "Idempotent-Replayed": "true" } : {});
});
