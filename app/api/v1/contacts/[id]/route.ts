import { getContactForApi, updateContactForApi } from "@/lib/api/contacts";
import { apiRoute, json, parseBody } from "@/lib/api/handler";
import { contactPatch } from "@/lib/api/schemas";
import { eraseContact } from "@/lib/privacy/erase-contact";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ caller, params }) => json(await getContactForApi(caller, params.id)));

export const PATCH = apiRoute<Params>(async ({ caller, request, params }) =>
  json(await updateContactForApi(caller, params.id, await parseBody(request, contactPatch))),
);

export const DELETE = apiRoute<Params>(async ({ caller, params }) => {
  await eraseContact(caller, params.id);
  return new Response(null, { status: 204 });
});
