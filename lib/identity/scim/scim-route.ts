import { NotFoundError, type Tenant } from "../../tenancy/tenant";
import { ScimError, scimErrorResponse } from "./scim-errors";
import { authenticateScimToken } from "./scim-tokens";

type Params = Record<string, string>;

/**
 * The one wrapper of every /scim/v2 route: the bearer token names the tenant (401 otherwise), and errors take the
 * RFC's shape: the domain's ScimError as it says, unknown or another tenant's ids 404, a body that is not JSON 400.
 */
export function scimRoute(handler: (context: { tenant: Tenant; request: Request; params: Params; url: URL }) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const tenant = await authenticateScimToken(request.headers.get("authorization"));
    if (!tenant) return scimErrorResponse(401, "Send the SCIM token created in NPS Loop: Authorization: Bearer <token>", undefined, { "WWW-Authenticate": 'Bearer realm="scim"' });
    try {
      return await handler({ tenant, request, params: await context.params, url: new URL(request.url) });
    } catch (error) {
      if (error instanceof ScimError) return scimErrorResponse(error.status, error.message, error.scimType);
      if (error instanceof NotFoundError) return scimErrorResponse(404, "Resource not found");
      throw error;
    }
  };
}

export async function scimBody(request: Request): Promise<Record<string, unknown>> {
  const body = await request.json().catch(() => undefined);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "The body must be a JSON object", "invalidSyntax");
  return body as Record<string, unknown>;
}
