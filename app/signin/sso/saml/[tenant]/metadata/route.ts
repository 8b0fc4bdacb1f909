import { serviceProviderMetadata } from "@/lib/identity/saml-service-provider";

export const dynamic = "force-dynamic";

/** The tenant's SAML service provider metadata (its entity id is this URL), for providers that import it. */
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const metadata = await serviceProviderMetadata({ organizationId: (await params).tenant });
  if (!metadata) return new Response(null, { status: 404 });
  return new Response(metadata, { headers: { "content-type": "application/samlmetadata+xml; charset=utf-8", "cache-control": "no-store" } });
}
