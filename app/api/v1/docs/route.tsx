import { ApiDocs } from "@/components/api/api-docs";
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";
import { htmlResponse } from "@/lib/http/html-response";

// The API's human docs, rendered from the same OpenAPI document as /api/v1/openapi.json: plain HTML, no script.
export function GET() {
  const document = openApiDocument(env().APP_URL) as unknown as Parameters<typeof ApiDocs>[0]["document"];
  return htmlResponse(<ApiDocs document={document} openApiUrl={`${env().APP_URL}/api/v1/openapi.json`} />);
}
