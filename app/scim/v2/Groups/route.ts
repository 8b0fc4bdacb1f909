import { scimJson } from "@/lib/identity/scim/scim-errors";
import { createScimGroup, listScimGroups } from "@/lib/identity/scim/scim-groups";
import { scimBody, scimRoute } from "@/lib/identity/scim/scim-route";

export const dynamic = "force-dynamic";

export const GET = scimRoute(async ({ tenant, url }) => scimJson(await listScimGroups(tenant, url)));

export const POST = scimRoute(async ({ tenant, request }) => {
  const group = await createScimGroup(tenant, await scimBody(request));
  return scimJson(group, 201, { location: group.meta.location });
});
