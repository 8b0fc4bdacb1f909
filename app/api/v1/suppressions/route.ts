import { apiRoute, json, parseBody } from "@/lib/api/handler";
import { suppressionRequest } from "@/lib/api/schemas";
import { suppressAddress } from "@/lib/sending/suppress-contact";

export const POST = apiRoute(async ({ caller, request }) => {
  const { email, reason } = await parseBody(request, suppressionRequest);
  return json({ suppressed: await suppressAddress(caller, email, reason) });
});
