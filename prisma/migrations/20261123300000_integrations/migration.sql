-- CreateEnum
CREATE TYPE "SurveySendStatus" AS ENUM ('queued', 'sending', 'sent', 'failed', 'bounced', 'throttled', 'suppressed');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('bounced', 'complained');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateEnum
CREATE TYPE "ContactImportStatus" AS ENUM ('running', 'done', 'failed');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "lastPurchaseAt" TIMESTAMP(3),
ADD COLUMN     "suppressedAt" TIMESTAMP(3),
ADD COLUMN     "suppressionReason" "SuppressionReason";

-- AlterTable
ALTER TABLE "SurveySend" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "requestHash" TEXT,
ADD COLUMN     "sendAfter" TIMESTAMP(3),
ADD COLUMN     "status" "SurveySendStatus" NOT NULL DEFAULT 'sent',
ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "transactionRef" TEXT;

-- CreateTable
CREATE TABLE "SendingPolicy" (
    "organizationId" TEXT NOT NULL,
    "throttleDays" INTEGER NOT NULL DEFAULT 30,
    "quietHoursStart" INTEGER,
    "quietHoursEnd" INTEGER,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendingPolicy_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failingSince" TIMESTAMP(3),
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "contactId" TEXT,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactImport" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ContactImportStatus" NOT NULL DEFAULT 'running',
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdRows" INTEGER NOT NULL DEFAULT 0,
    "updatedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ContactImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "audience" JSONB NOT NULL,
    "reminderAfterDays" INTEGER,
    "audienceSize" INTEGER NOT NULL DEFAULT 0,
    "queuedCount" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contact_organizationId_externalId_key" ON "Contact"("organizationId", "externalId");

-- CreateIndex
CREATE INDEX "SurveySend_status_claimedAt_idx" ON "SurveySend"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "SurveySend_campaignId_status_idx" ON "SurveySend"("campaignId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SurveySend_organizationId_transactionRef_key" ON "SurveySend"("organizationId", "transactionRef");

-- CreateIndex
CREATE UNIQUE INDEX "SurveySend_organizationId_idempotencyKey_key" ON "SurveySend"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_organizationId_createdAt_idx" ON "ApiKey"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_organizationId_idx" ON "WebhookEndpoint"("organizationId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_organizationId_contactId_idx" ON "WebhookDelivery"("organizationId", "contactId");

-- CreateIndex
CREATE INDEX "ContactImport_organizationId_createdAt_idx" ON "ContactImport"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Campaign_organizationId_createdAt_idx" ON "Campaign"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "SurveySend" ADD CONSTRAINT "SurveySend_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SendingPolicy" ADD CONSTRAINT "SendingPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot state.
ALTER TABLE "SendingPolicy" ADD CONSTRAINT "SendingPolicy_throttleDays_range" CHECK ("throttleDays" BETWEEN 0 AND 365);
ALTER TABLE "SendingPolicy" ADD CONSTRAINT "SendingPolicy_quiet_hours" CHECK (
    ("quietHoursStart" IS NULL AND "quietHoursEnd" IS NULL)
    OR ("quietHoursStart" BETWEEN 0 AND 1439 AND "quietHoursEnd" BETWEEN 0 AND 1439 AND "quietHoursStart" <> "quietHoursEnd")
);
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_reminderAfterDays_range" CHECK ("reminderAfterDays" IS NULL OR "reminderAfterDays" BETWEEN 1 AND 60);

-- Hand-written: a survey counts as sent (the rollup's "sent", the response rate's denominator) only once the
-- sending engine has sent it. Queued, throttled, suppressed, failed and bounced sends are no surveys sent. Same
-- function as in 20261123100000_analytics, with the status filter; an UPDATE from queued to sent adds the send at
-- its real sentAt. Statements that touch no sent row (queuing, claiming) skip the rollup altogether: the sending
-- engine writes several of them per email.
CREATE OR REPLACE FUNCTION "SurveySend_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested IFs: an INSERT has no old_rows and a DELETE no new_rows, so neither may be named in its branch.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE "status" = 'sent') THEN
      PERFORM "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("sentAt"), array_agg("storeId"),
        array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg(-1), array_agg(-1))
        FROM old_rows WHERE "status" = 'sent';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE "status" = 'sent') THEN
      PERFORM "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("sentAt"), array_agg("storeId"),
        array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg(-1), array_agg(1))
        FROM new_rows WHERE "status" = 'sent';
    END IF;
  END IF;
  RETURN NULL;
END $$;
