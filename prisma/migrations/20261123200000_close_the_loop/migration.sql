-- CreateEnum
CREATE TYPE "ExperimentGroup" AS ENUM ('contacted', 'holdout');

-- CreateEnum
CREATE TYPE "FollowUpEventType" AS ENUM ('opened', 'assigned', 'call_attempt', 'contacted', 'note', 'root_cause', 'closed', 'escalated', 'resurvey_sent');

-- CreateEnum
CREATE TYPE "MailDeliveryStatus" AS ENUM ('sending', 'sent');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "referralCode" TEXT;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "callAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "rootCauseId" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "customerService" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "managerId" TEXT;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "closesAt" INTEGER,
ADD COLUMN     "followUpSlaHours" INTEGER,
ADD COLUMN     "openDays" TEXT NOT NULL DEFAULT '1234567',
ADD COLUMN     "opensAt" INTEGER,
ADD COLUMN     "reviewUrl" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "alertPassives" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "holdoutPercent" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "passiveFollowUps" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passiveSlaHours" INTEGER NOT NULL DEFAULT 72,
ADD COLUMN     "referralUrl" TEXT,
ADD COLUMN     "resurveyAfterDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "RootCause" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RootCause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "followUpId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" "FollowUpEventType" NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HoldoutAssignment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "group" "ExperimentGroup" NOT NULL,
    "holdoutPercent" INTEGER NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HoldoutAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resurvey" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "group" "ExperimentGroup" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "surveySendId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Resurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "status" "MailDeliveryStatus" NOT NULL DEFAULT 'sending',
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromoterInvite" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewClickedAt" TIMESTAMP(3),
    "referralClickedAt" TIMESTAMP(3),

    CONSTRAINT "PromoterInvite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contact_organizationId_referralCode_key" ON "Contact"("organizationId", "referralCode");

-- CreateIndex
CREATE INDEX "FollowUp_status_dueAt_idx" ON "FollowUp"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "RootCause_organizationId_label_key" ON "RootCause"("organizationId", "label");

-- CreateIndex
CREATE INDEX "FollowUpEvent_followUpId_createdAt_idx" ON "FollowUpEvent"("followUpId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HoldoutAssignment_responseId_key" ON "HoldoutAssignment"("responseId");

-- CreateIndex
CREATE INDEX "HoldoutAssignment_organizationId_group_idx" ON "HoldoutAssignment"("organizationId", "group");

-- CreateIndex
CREATE UNIQUE INDEX "Resurvey_responseId_key" ON "Resurvey"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "Resurvey_surveySendId_key" ON "Resurvey"("surveySendId");

-- CreateIndex
CREATE INDEX "Resurvey_sentAt_dueAt_idx" ON "Resurvey"("sentAt", "dueAt");

-- CreateIndex
CREATE INDEX "Resurvey_organizationId_group_idx" ON "Resurvey"("organizationId", "group");

-- CreateIndex
CREATE UNIQUE INDEX "MailDelivery_key_key" ON "MailDelivery"("key");

-- CreateIndex
CREATE INDEX "MailDelivery_organizationId_status_idx" ON "MailDelivery"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PromoterInvite_responseId_key" ON "PromoterInvite"("responseId");

-- CreateIndex
CREATE INDEX "PromoterInvite_organizationId_askedAt_idx" ON "PromoterInvite"("organizationId", "askedAt");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_rootCauseId_fkey" FOREIGN KEY ("rootCauseId") REFERENCES "RootCause"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RootCause" ADD CONSTRAINT "RootCause_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HoldoutAssignment" ADD CONSTRAINT "HoldoutAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HoldoutAssignment" ADD CONSTRAINT "HoldoutAssignment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resurvey" ADD CONSTRAINT "Resurvey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resurvey" ADD CONSTRAINT "Resurvey_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resurvey" ADD CONSTRAINT "Resurvey_surveySendId_fkey" FOREIGN KEY ("surveySendId") REFERENCES "SurveySend"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterInvite" ADD CONSTRAINT "PromoterInvite_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromoterInvite" ADD CONSTRAINT "PromoterInvite_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot state.
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_holdoutPercent_range" CHECK ("holdoutPercent" BETWEEN 0 AND 50);
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_resurveyAfterDays_range" CHECK ("resurveyAfterDays" BETWEEN 0 AND 365);
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_passiveSlaHours_positive" CHECK ("passiveSlaHours" > 0);
ALTER TABLE "Store" ADD CONSTRAINT "Store_followUpSlaHours_positive" CHECK ("followUpSlaHours" IS NULL OR "followUpSlaHours" > 0);
ALTER TABLE "Store" ADD CONSTRAINT "Store_business_hours" CHECK (
    ("opensAt" IS NULL AND "closesAt" IS NULL)
    OR ("opensAt" BETWEEN 0 AND 1439 AND "closesAt" BETWEEN 1 AND 1440 AND "opensAt" < "closesAt")
);
ALTER TABLE "Store" ADD CONSTRAINT "Store_openDays_format" CHECK ("openDays" ~ '^[1-7]{1,7}$');

-- Hand-written: every existing tenant starts with the default root causes (new tenants get them on creation).
INSERT INTO "RootCause" ("id", "organizationId", "label")
SELECT gen_random_uuid()::text, o."id", c."label"
FROM "Organization" o
CROSS JOIN (VALUES ('Waiting time'), ('Staff attitude'), ('Product quality'), ('Price'), ('Stock availability'),
                   ('Delivery'), ('Billing or payment'), ('Other')) AS c("label");
