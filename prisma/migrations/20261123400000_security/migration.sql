-- CreateTable
CREATE TABLE "ScoreClick" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "surveySendId" TEXT NOT NULL,
    "score" SMALLINT NOT NULL,
    "verdict" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreClick_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScoreClick_surveySendId_createdAt_idx" ON "ScoreClick"("surveySendId", "createdAt");

-- CreateIndex
CREATE INDEX "ScoreClick_organizationId_createdAt_idx" ON "ScoreClick"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ScoreClick" ADD CONSTRAINT "ScoreClick_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreClick" ADD CONSTRAINT "ScoreClick_surveySendId_fkey" FOREIGN KEY ("surveySendId") REFERENCES "SurveySend"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the verdicts lib/responses/scanner-guard.ts writes.
ALTER TABLE "ScoreClick" ADD CONSTRAINT "ScoreClick_verdict_known" CHECK ("verdict" IN ('recorded', 'held_agent', 'held_burst'));

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "retentionMonths" INTEGER;

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a retention period is whole months, at least one.
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_retentionMonths_positive" CHECK ("retentionMonths" IS NULL OR "retentionMonths" >= 1);
