import { scimJson } from "@/lib/identity/scim/scim-errors";
import { scimBody, scimRoute } from "@/lib/identity/scim/scim-route";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/identity/scim/scim-users";

export const dynamic = "force-dynamic";

export const GET = scimRoute(async ({ tenant, params }) => scimJson(await getScimUser(tenant, params.id!)));

export const PUT = scimRoute(async ({ tenant, params, request }) => scimJson(await replaceScimUser(tenant, params.id!, await scimBody(request))));

export const PATCH = scimRoute(async ({ tenant, params, request }) => scimJson(await patchScimUser(tenant, params.id!, await scimBody(request))));

export const DELETE = scimRoute(async ({ tenant, params }) => {
  await deleteScimUser(tenant, params.id!);
  return new Response(null, { status: 204 });
});
