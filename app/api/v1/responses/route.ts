import { apiRoute, json, parseQuery } from "@/lib/api/handler";
import { listResponsesForApi } from "@/lib/api/responses";
import { responsesQuery } from "@/lib/api/schemas";

export const GET = apiRoute(async ({ caller, request }) => json(await listResponsesForApi(caller, parseQuery(request, responsesQuery))));
