import { scimJson } from "@/lib/identity/scim/scim-errors";
import { scimBody, scimRoute } from "@/lib/identity/scim/scim-route";
import { createScimUser, listScimUsers } from "@/lib/identity/scim/scim-users";

export const dynamic = "force-dynamic";

export const GET = scimRoute(async ({ tenant, url }) => scimJson(await listScimUsers(tenant, url)));

export const POST = scimRoute(async ({ tenant, request }) => {
  const user = await createScimUser(tenant, await scimBody(request));
  return scimJson(user, 201, { location: user.meta.location });
});
