import { demoSignInPath } from "@/lib/auth/demo-sign-in";
import { env, isDemoMode } from "@/lib/env";

const notFound = () => new Response("Not found", { status: 404 });

/**
 * Demo mode only: the sign-in page's one-click buttons post a demo user's email here and are sent on to a fresh
 * sign-in link for them (lib/auth/demo-sign-in.ts). Outside demo mode this is a 404 like any unknown path. A post
 * from another site is refused (it would sign the visitor in as someone else).
 */
export async function POST(request: Request) {
  if (!isDemoMode()) return notFound();
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(env().APP_URL).origin) return new Response("Forbidden", { status: 403 });
  const form = await request.formData().catch(() => null);
  const path = await demoSignInPath(String(form?.get("email") ?? ""));
  if (!path) return notFound();
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}

export const GET = notFound;
