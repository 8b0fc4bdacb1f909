import { scimJson } from "@/lib/identity/scim/scim-errors";
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/identity/scim/scim-groups";
import { scimBody, scimRoute } from "@/lib/identity/scim/scim-route";

export const dynamic = "force-dynamic";

export const GET = scimRoute(async ({ tenant, params, url }) => scimJson(await getScimGroup(tenant, params.id!, url)));

export const PUT = scimRoute(async ({ tenant, params, request }) => scimJson(await replaceScimGroup(tenant, params.id!, await scimBody(request))));

// Entra ID expects 204 to a group PATCH, Okta accepts either; the RFC allows both.
export const PATCH = scimRoute(async ({ tenant, params, request }) => {
  await patchScimGroup(tenant, params.id!, await scimBody(request));
  return new Response(null, { status: 204 });
});

export const DELETE = scimRoute(async ({ tenant, params }) => {
  await deleteScimGroup(tenant, params.id!);
  return new Response(null, { status: 204 });
});
