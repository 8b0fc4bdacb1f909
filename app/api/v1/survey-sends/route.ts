import { z } from "zod";
import { apiRoute, headerValue, json, parseBody } from "@/lib/api/handler";
import { surveySendRequest } from "@/lib/api/schemas";
import { createSurveySendFromApi } from "@/lib/api/survey-sends";

const idempotencyKey = z.string().trim().min(1, "Must not be empty").max(200, "At most 200 characters");

export const POST = apiRoute(async ({ caller, request }) => {
  const key = headerValue(request, "Idempotency-Key", idempotencyKey);
  const body = await parseBody(request, surveySendRequest);
  const { result, replayed } = await createSurveySendFromApi(caller, body, key);
  return json(result, 202, replayed ? { "Idempotent-Replayed": "true" } : {});
});
