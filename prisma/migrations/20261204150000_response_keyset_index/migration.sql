-- The CSV export reads a tenant's responses in (respondedAt, id) order, a batch at a time. With id in the index a
-- batch's last key is an index-only scan and the batch an index range scan; the index it replaces is its prefix,
-- so the dashboard's date ranges read it as before and a response still writes one index, not two.
CREATE INDEX "Response_organizationId_respondedAt_id_idx" ON "Response"("organizationId", "respondedAt", "id");
DROP INDEX "Response_organizationId_respondedAt_idx";
