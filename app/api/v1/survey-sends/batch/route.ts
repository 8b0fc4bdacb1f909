import { apiRoute, headerValue, json, parseBody, problemOf } from "@/lib/api/handler";
import { idempotencyKey, surveySendBatchRequest } from "@/lib/api/schemas";
import { createSurveySendsFromApi, sendResource } from "@/lib/api/survey-sends";
import { logger } from "@/lib/logging/logger";

// Without keys of their own, the items of a batch sent with an Idempotency-Key are named by it and their position,
// so that the same batch sent again replays every item.
export const POST = apiRoute(async ({ caller, request }) => {
  const batchKey = headerValue(request, "Idempotency-Key", idempotencyKey);
  const { sends } = await parseBody(request, surveySendBatchRequest);
  const outcomes = await createSurveySendsFromApi(
    caller,
    sends.map(({ idempotencyKey: own, ...body }, index) => ({ body, idempotencyKey: own ?? (batchKey ? `${batchKey}#${index}` : null) })),
  );
  const results = outcomes.map((outcome, index) => {
    if (outcome.ok) return { index, status: 202, send: sendResource(outcome.send), replayed: outcome.replayed };
    const problem = problemOf(outcome.error);
    if (problem) return { index, ...problem };
    // The other items are written and answered: failing the whole batch would have a caller send them again.
    logger().error({ err: outcome.error, index }, "survey-send batch item failed");
    return { index, status: 500, error: "internal_error", message: "This send could not be written; sending it again is safe" };
  });
  return json({ results }, 200);
});
