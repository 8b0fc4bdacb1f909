import { createContactForApi, listContactsForApi } from "@/lib/api/contacts";
import { apiRoute, json, parseBody, parseQuery } from "@/lib/api/handler";
import { contactRecord, contactsQuery } from "@/lib/api/schemas";

export const GET = apiRoute(async ({ caller, request }) => json(await listContactsForApi(caller, parseQuery(request, contactsQuery))));

export const POST = apiRoute(async ({ caller, request }) => {
  const { created, contact } = await createContactForApi(caller, await parseBody(request, contactRecord));
  return json(contact, created ? 201 : 200);
});
