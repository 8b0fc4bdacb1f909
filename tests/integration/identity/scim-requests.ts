import * as groupRoute from "@/app/scim/v2/Groups/[id]/route";
import * as groupsRoute from "@/app/scim/v2/Groups/route";
import * as userRoute from "@/app/scim/v2/Users/[id]/route";
import * as usersRoute from "@/app/scim/v2/Users/route";

// Requests to the app's own SCIM route handlers, as an identity provider sends them.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: { pattern: RegExp; module: Record<string, Handler> }[] = [
  { pattern: /^\/scim\/v2\/Users\/([^/?]+)/, module: userRoute as never },
  { pattern: /^\/scim\/v2\/Users/, module: usersRoute as never },
  { pattern: /^\/scim\/v2\/Groups\/([^/?]+)/, module: groupRoute as never },
  { pattern: /^\/scim\/v2\/Groups/, module: groupsRoute as never },
];

export async function scim(token: string, method: string, path: string, body?: unknown) {
  const route = ROUTES.find((r) => r.pattern.test(path))!;
  const id = path.match(route.pattern)?.[1];
  const request = new Request(`http://localhost:3000${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await route.module[method]!(request, { params: Promise.resolve((id ? { id: decodeURIComponent(id) } : {}) as Record<string, string>) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, contentType: response.headers.get("content-type") };
}
