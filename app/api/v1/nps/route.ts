import { apiRoute, json, parseQuery } from "@/lib/api/handler";
import { npsForApi } from "@/lib/api/nps";
import { npsQuery } from "@/lib/api/schemas";

export const GET = apiRoute(async ({ caller, request }) => json(await npsForApi(caller, parseQuery(request, npsQuery))));
