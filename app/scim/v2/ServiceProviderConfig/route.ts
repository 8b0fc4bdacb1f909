import { scimJson } from "@/lib/identity/scim/scim-errors";
import { scimRoute } from "@/lib/identity/scim/scim-route";

export const dynamic = "force-dynamic";

/** What this SCIM service supports (RFC 7643 §5): identity providers read it when the connection is set up. */
export const GET = scimRoute(async () =>
  scimJson({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [{ type: "oauthbearertoken", name: "Bearer token", description: "A token created under Single sign-on in NPS Loop", primary: true }],
  }),
);
