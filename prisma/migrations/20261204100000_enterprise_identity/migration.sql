-- Enterprise identity (issue 18): single sign-on per tenant (OpenID Connect), SCIM provisioning, sessions an admin
-- controls. References between tenant-owned rows are composite (organizationId, id) keys, as everywhere.

-- Sessions: when and from which browser, and how they began (the sessions page).
ALTER TABLE "Session" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ADD COLUMN "lastSeenAt" TIMESTAMP(3),
  ADD COLUMN "userAgent" TEXT,
  ADD COLUMN "method" TEXT;

CREATE TABLE "SsoConnection" (
    "organizationId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "ssoRequired" BOOLEAN NOT NULL DEFAULT false,
    "breakGlassEmail" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoConnection_pkey" PRIMARY KEY ("organizationId")
);

CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("domain")
);

CREATE TABLE "SsoGroupMapping" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "storeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoGroupMapping_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "SsoSignIn" (
    "state" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoSignIn_pkey" PRIMARY KEY ("state")
);

CREATE TABLE "ScimToken" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ScimToken_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScimUser" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "externalId" TEXT,
    "displayName" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimUser_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScimGroup" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScimGroup_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ScimGroupMember" (
    "groupId" TEXT NOT NULL,
    "scimUserId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    CONSTRAINT "ScimGroupMember_pkey" PRIMARY KEY ("groupId", "scimUserId")
);

CREATE INDEX "SsoDomain_organizationId_idx" ON "SsoDomain"("organizationId");
CREATE UNIQUE INDEX "SsoGroupMapping_organizationId_group_key" ON "SsoGroupMapping"("organizationId", "group");
CREATE INDEX "SsoSignIn_expires_idx" ON "SsoSignIn"("expires");
CREATE UNIQUE INDEX "ScimToken_tokenHash_key" ON "ScimToken"("tokenHash");
CREATE INDEX "ScimToken_organizationId_createdAt_idx" ON "ScimToken"("organizationId", "createdAt");
CREATE UNIQUE INDEX "ScimUser_organizationId_userName_key" ON "ScimUser"("organizationId", "userName");
CREATE UNIQUE INDEX "ScimUser_organizationId_userId_key" ON "ScimUser"("organizationId", "userId");
CREATE UNIQUE INDEX "ScimUser_organizationId_id_key" ON "ScimUser"("organizationId", "id");
CREATE UNIQUE INDEX "ScimGroup_organizationId_displayName_key" ON "ScimGroup"("organizationId", "displayName");
CREATE UNIQUE INDEX "ScimGroup_organizationId_id_key" ON "ScimGroup"("organizationId", "id");
CREATE INDEX "ScimGroupMember_organizationId_scimUserId_idx" ON "ScimGroupMember"("organizationId", "scimUserId");

ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoGroupMapping" ADD CONSTRAINT "SsoGroupMapping_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SsoGroupMapping" ADD CONSTRAINT "SsoGroupMapping_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId") REFERENCES "Store"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScimToken" ADD CONSTRAINT "ScimToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScimGroup" ADD CONSTRAINT "ScimGroup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_organizationId_groupId_fkey" FOREIGN KEY ("organizationId", "groupId") REFERENCES "ScimGroup"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_organizationId_scimUserId_fkey" FOREIGN KEY ("organizationId", "scimUserId") REFERENCES "ScimUser"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
