// RFC 7644 §3.12: errors are JSON with the Error schema, the status as a string and, for 400/409, a scimType.
export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType = "invalidFilter" | "invalidValue" | "invalidSyntax" | "invalidPath" | "noTarget" | "uniqueness" | "mutability" | "tooMany";

export class ScimError extends Error {
  constructor(readonly status: number, detail: string, readonly scimType?: ScimType) {
    super(detail);
    this.name = "ScimError";
  }
}

export const SCIM_CONTENT_TYPE = "application/scim+json";

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": SCIM_CONTENT_TYPE, "cache-control": "no-store", ...headers } });
}

export function scimErrorResponse(status: number, detail: string, scimType?: ScimType, headers: Record<string, string> = {}): Response {
  return scimJson({ schemas: [SCIM_ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }, status, headers);
}
