import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

// Public, like any API description: it documents the API, it opens nothing.
export function GET() {
  return Response.json(openApiDocument(env().APP_URL));
}
