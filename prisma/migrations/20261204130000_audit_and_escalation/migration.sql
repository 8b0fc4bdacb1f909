-- The escalation sweep once looked back a week only, so a follow-up overdue for longer was never escalated. It now
-- takes every open follow-up past its due time that has no escalatedAt, however old. This partial index holds only
-- the open, not yet escalated follow-ups (escalating one or reaching the customer takes it out), so the sweep reads
-- the overdue part of that small set and nothing else; it replaces the (status, dueAt) index, which held every
-- follow-up ever opened.
DROP INDEX "FollowUp_status_dueAt_idx";
CREATE INDEX "FollowUp_awaiting_escalation_idx" ON "FollowUp"("dueAt") WHERE "status" = 'open' AND "escalatedAt" IS NULL;

-- The audit log page filters by person and by kind, newest first.
CREATE INDEX "AuditEvent_organizationId_actorId_createdAt_idx" ON "AuditEvent"("organizationId", "actorId", "createdAt");
CREATE INDEX "AuditEvent_organizationId_action_createdAt_idx" ON "AuditEvent"("organizationId", "action", "createdAt");
