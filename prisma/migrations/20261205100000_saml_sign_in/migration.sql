-- SAML 2.0 single sign-on (issue 18): a tenant's connection speaks OpenID Connect or SAML. The AuthnRequests we
-- sent and the assertions we accepted are kept in Postgres, not in a process, since the app runs as several.

CREATE TYPE "SsoProtocol" AS ENUM ('oidc', 'saml');

ALTER TABLE "SsoConnection" ADD COLUMN "protocol" "SsoProtocol" NOT NULL DEFAULT 'oidc',
  ALTER COLUMN "clientId" DROP NOT NULL,
  ALTER COLUMN "clientSecret" DROP NOT NULL,
  ADD COLUMN "ssoUrl" TEXT,
  ADD COLUMN "signingCertificate" TEXT,
  ADD COLUMN "groupAttribute" TEXT;

-- Each protocol's settings are there when it is chosen (the schema language cannot state this).
ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_protocol_settings_check" CHECK (
  ("protocol" = 'oidc' AND "clientId" IS NOT NULL AND "clientSecret" IS NOT NULL)
  OR ("protocol" = 'saml' AND "ssoUrl" IS NOT NULL AND "signingCertificate" IS NOT NULL AND "groupAttribute" IS NOT NULL)
);

CREATE TABLE "SamlRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SamlAssertion" (
    "organizationId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlAssertion_pkey" PRIMARY KEY ("organizationId", "assertionId")
);

CREATE INDEX "SamlRequest_issuedAt_idx" ON "SamlRequest"("issuedAt");
CREATE INDEX "SamlAssertion_expires_idx" ON "SamlAssertion"("expires");

ALTER TABLE "SamlRequest" ADD CONSTRAINT "SamlRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SamlAssertion" ADD CONSTRAINT "SamlAssertion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
