-- CreateEnum
CREATE TYPE "RollupGrain" AS ENUM ('day', 'week', 'month');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "segment" TEXT;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "segment" TEXT;

-- AlterTable
ALTER TABLE "SurveySend" ADD COLUMN     "segment" TEXT;

-- CreateTable
CREATE TABLE "FeedbackRollup" (
    "organizationId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
    "storeId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "segment" TEXT NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "score0" INTEGER NOT NULL DEFAULT 0,
    "score1" INTEGER NOT NULL DEFAULT 0,
    "score2" INTEGER NOT NULL DEFAULT 0,
    "score3" INTEGER NOT NULL DEFAULT 0,
    "score4" INTEGER NOT NULL DEFAULT 0,
    "score5" INTEGER NOT NULL DEFAULT 0,
    "score6" INTEGER NOT NULL DEFAULT 0,
    "score7" INTEGER NOT NULL DEFAULT 0,
    "score8" INTEGER NOT NULL DEFAULT 0,
    "score9" INTEGER NOT NULL DEFAULT 0,
    "score10" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FeedbackRollup_pkey" PRIMARY KEY ("organizationId","grain","periodStart","storeId","surveyId","channel","segment")
);

-- CreateTable
CREATE TABLE "FollowUpRollup" (
    "organizationId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
    "minutesToFirstContact" INTEGER NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "slaMet" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "notResolved" INTEGER NOT NULL DEFAULT 0,
    "unreachable" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FollowUpRollup_pkey" PRIMARY KEY ("organizationId","grain","periodStart","minutesToFirstContact")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keywords" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponseTheme" (
    "responseId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,

    CONSTRAINT "ResponseTheme_pkey" PRIMARY KEY ("responseId","themeId")
);

-- CreateIndex
CREATE INDEX "FeedbackRollup_organizationId_storeId_grain_periodStart_idx" ON "FeedbackRollup"("organizationId", "storeId", "grain", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_organizationId_name_key" ON "Theme"("organizationId", "name");

-- CreateIndex
CREATE INDEX "FollowUp_organizationId_createdAt_idx" ON "FollowUp"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ResponseTheme_themeId_idx" ON "ResponseTheme"("themeId");

-- AddForeignKey
ALTER TABLE "FeedbackRollup" ADD CONSTRAINT "FeedbackRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpRollup" ADD CONSTRAINT "FollowUpRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseTheme" ADD CONSTRAINT "ResponseTheme_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseTheme" ADD CONSTRAINT "ResponseTheme_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseTheme" ADD CONSTRAINT "ResponseTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot state.

-- A send keeps the segment its contact had when it went out, and a response the segment of its send, so that a
-- contact moving to another loyalty tier does not rewrite past figures, and every rollup key lives on the row.
CREATE FUNCTION "SurveySend_copy_segment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."segment" IS NULL THEN
    SELECT "segment" INTO NEW."segment" FROM "Contact" WHERE "id" = NEW."contactId";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SurveySend_copy_segment" BEFORE INSERT ON "SurveySend"
  FOR EACH ROW EXECUTE FUNCTION "SurveySend_copy_segment"();

CREATE FUNCTION "Response_copy_segment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."segment" IS NULL THEN
    SELECT "segment" INTO NEW."segment" FROM "SurveySend" WHERE "id" = NEW."surveySendId";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Response_copy_segment" BEFORE INSERT ON "Response"
  FOR EACH ROW EXECUTE FUNCTION "Response_copy_segment"();

-- The rollup (FeedbackRollup) is kept by triggers rather than by application code: every writer (recordScore,
-- the demo seed's createMany, seed:large's COPY, a cascade from a deleted store or contact) updates it in its own
-- transaction, so it can never be stale. Triggers are per statement with transition tables, so a bulk insert
-- costs one aggregate, not one upsert per row.
--
-- A change is one counted row: kind -1 for a sent survey, 0..10 for a response with that score; delta +1 or -1.
-- This turns changes into net deltas per rollup key, for both grains (UTC day and month); keys whose deltas
-- cancel out (an update that moved nothing) are dropped. Weeks start on Monday.
CREATE FUNCTION "FeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "storeId" text, "surveyId" text,
               "channel" "Channel", "segment" text, "sent" int, "score0" int, "score1" int, "score2" int, "score3" int, "score4" int, "score5" int, "score6" int, "score7" int, "score8" int, "score9" int, "score10" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, g.grain,
           date_trunc(g.grain::text, c.at)::date,
           COALESCE(c.store, ''), c.survey, c.chan, COALESCE(c.seg, ''),
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = -1), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 0), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 1), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 2), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 3), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 4), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 5), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 6), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 7), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 8), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 9), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.kind = 10), 0)::int
      FROM unnest(org, at, store, survey, chan, seg, kind, delta) AS c(org, at, store, survey, chan, seg, kind, delta)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "grain", "periodStart", "storeId", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
  WHERE d."sent" <> 0 OR d."score0" <> 0 OR d."score1" <> 0 OR d."score2" <> 0 OR d."score3" <> 0 OR d."score4" <> 0 OR d."score5" <> 0 OR d."score6" <> 0 OR d."score7" <> 0 OR d."score8" <> 0 OR d."score9" <> 0 OR d."score10" <> 0
$$;

-- Keys that gain something are upserted (in key order, so concurrent writers lock rows in the same order); keys
-- that only lose are updated, never inserted: while a tenant is deleted its rollup rows may be gone already, and a
-- negative row must not appear. Rows that reach zero are removed, so the rollup equals a recount from raw rows.
CREATE FUNCTION "FeedbackRollup_apply"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FeedbackRollup" AS r ("organizationId", "grain", "periodStart", "storeId", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
  SELECT d.* FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
   WHERE d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("organizationId", "grain", "periodStart", "storeId", "surveyId", "channel", "segment") DO UPDATE SET
        "sent" = r."sent" + EXCLUDED."sent",
        "score0" = r."score0" + EXCLUDED."score0",
        "score1" = r."score1" + EXCLUDED."score1",
        "score2" = r."score2" + EXCLUDED."score2",
        "score3" = r."score3" + EXCLUDED."score3",
        "score4" = r."score4" + EXCLUDED."score4",
        "score5" = r."score5" + EXCLUDED."score5",
        "score6" = r."score6" + EXCLUDED."score6",
        "score7" = r."score7" + EXCLUDED."score7",
        "score8" = r."score8" + EXCLUDED."score8",
        "score9" = r."score9" + EXCLUDED."score9",
        "score10" = r."score10" + EXCLUDED."score10";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "FeedbackRollup" AS r SET
        "sent" = r."sent" + d."sent",
        "score0" = r."score0" + d."score0",
        "score1" = r."score1" + d."score1",
        "score2" = r."score2" + d."score2",
        "score3" = r."score3" + d."score3",
        "score4" = r."score4" + d."score4",
        "score5" = r."score5" + d."score5",
        "score6" = r."score6" + d."score6",
        "score7" = r."score7" + d."score7",
        "score8" = r."score8" + d."score8",
        "score9" = r."score9" + d."score9",
        "score10" = r."score10" + d."score10"
      FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."storeId" = d."storeId" AND r."surveyId" = d."surveyId" AND r."channel" = d."channel" AND r."segment" = d."segment" AND NOT (d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0);
    DELETE FROM "FeedbackRollup" AS r
     USING "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."storeId" = d."storeId" AND r."surveyId" = d."surveyId" AND r."channel" = d."channel" AND r."segment" = d."segment" AND r."sent" = 0 AND r."score0" = 0 AND r."score1" = 0 AND r."score2" = 0 AND r."score3" = 0 AND r."score4" = 0 AND r."score5" = 0 AND r."score6" = 0 AND r."score7" = 0 AND r."score8" = 0 AND r."score9" = 0 AND r."score10" = 0;
  END IF;
END $$;

CREATE FUNCTION "SurveySend_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("sentAt"), array_agg("storeId"),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg(-1), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("sentAt"), array_agg("storeId"),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg(-1), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END $$;

-- An update runs as one change set (old rows out, new rows in), so a row whose keys did not move nets to nothing.
CREATE FUNCTION "Response_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("score"::int), array_agg(1)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("score"::int), array_agg(-1)) FROM old_rows;
  ELSE
    PERFORM "FeedbackRollup_apply"(array_agg(c."organizationId"), array_agg(c."respondedAt"), array_agg(c."storeId"),
      array_agg(c."surveyId"), array_agg(c."channel"), array_agg(c."segment"), array_agg(c."score"::int), array_agg(c.delta))
      FROM (SELECT *, 1 AS delta FROM new_rows UNION ALL SELECT *, -1 AS delta FROM old_rows) AS c;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "SurveySend_rollup_insert" AFTER INSERT ON "SurveySend" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "SurveySend_rollup"();
CREATE TRIGGER "SurveySend_rollup_update" AFTER UPDATE ON "SurveySend" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "SurveySend_rollup"();
CREATE TRIGGER "SurveySend_rollup_delete" AFTER DELETE ON "SurveySend" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "SurveySend_rollup"();
CREATE TRIGGER "Response_rollup_insert" AFTER INSERT ON "Response" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_rollup"();
CREATE TRIGGER "Response_rollup_update" AFTER UPDATE ON "Response" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_rollup"();
CREATE TRIGGER "Response_rollup_delete" AFTER DELETE ON "Response" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_rollup"();

-- Fills the rollup for rows that existed before this migration.
SELECT "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("sentAt"), array_agg("storeId"), array_agg("surveyId"),
  array_agg("channel"), array_agg("segment"), array_agg(-1), array_agg(1)) FROM "SurveySend";
SELECT "FeedbackRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg("surveyId"),
  array_agg("channel"), array_agg("segment"), array_agg("score"::int), array_agg(1)) FROM "Response";

-- FollowUpRollup, kept like FeedbackRollup: each follow-up counts once per grain, under the whole minutes from
-- opening to first contact (-1 while not contacted), so that the dashboard reads exact medians from a few
-- thousand rows. The minutes and "met" follow lib/analytics/follow-up-figures.ts.
CREATE FUNCTION "FollowUpRollup_deltas"(org text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "minutesToFirstContact" int,
               "opened" int, "slaMet" int, "resolved" int, "notResolved" int, "unreachable" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, g.grain, date_trunc(g.grain::text, c.created)::date,
           CASE WHEN c.contacted IS NULL THEN -1
                ELSE GREATEST(0, floor(extract(epoch FROM c.contacted - c.created) / 60))::int END,
           sum(c.delta)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.contacted <= c.due), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'not_resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'unreachable'), 0)::int
      FROM unnest(org, created, contacted, due, outcome, delta) AS c(org, created, contacted, due, outcome, delta)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4
  ) AS d("organizationId", "grain", "periodStart", "minutesToFirstContact", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  WHERE d."opened" <> 0 OR d."slaMet" <> 0 OR d."resolved" <> 0 OR d."notResolved" <> 0 OR d."unreachable" <> 0
$$;

CREATE FUNCTION "FollowUpRollup_apply"(org text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FollowUpRollup" AS r ("organizationId", "grain", "periodStart", "minutesToFirstContact", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(org, created, contacted, due, outcome, delta) AS d
   WHERE d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "grain", "periodStart", "minutesToFirstContact") DO UPDATE SET
        "opened" = r."opened" + EXCLUDED."opened",
        "slaMet" = r."slaMet" + EXCLUDED."slaMet",
        "resolved" = r."resolved" + EXCLUDED."resolved",
        "notResolved" = r."notResolved" + EXCLUDED."notResolved",
        "unreachable" = r."unreachable" + EXCLUDED."unreachable";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "FollowUpRollup" AS r SET
        "opened" = r."opened" + d."opened",
        "slaMet" = r."slaMet" + d."slaMet",
        "resolved" = r."resolved" + d."resolved",
        "notResolved" = r."notResolved" + d."notResolved",
        "unreachable" = r."unreachable" + d."unreachable"
      FROM "FollowUpRollup_deltas"(org, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."minutesToFirstContact" AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpRollup" AS r
     USING "FollowUpRollup_deltas"(org, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."minutesToFirstContact" AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE FUNCTION "FollowUp_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "FollowUpRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("contactedAt"), array_agg("dueAt"), array_agg("outcome"::text), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "FollowUpRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("contactedAt"), array_agg("dueAt"), array_agg("outcome"::text), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "FollowUp_rollup_insert" AFTER INSERT ON "FollowUp" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollup"();
CREATE TRIGGER "FollowUp_rollup_update" AFTER UPDATE ON "FollowUp" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollup"();
CREATE TRIGGER "FollowUp_rollup_delete" AFTER DELETE ON "FollowUp" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollup"();

SELECT "FollowUpRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("contactedAt"), array_agg("dueAt"), array_agg("outcome"::text), array_agg(1)) FROM "FollowUp";

-- The comments explorer's full-text search. 'simple' (no stemming) because comments come in five languages and
-- Postgres has no Polish stemmer; the explorer searches word prefixes instead. Prisma cannot declare an
-- expression index: tests/integration/db/schema-diff.ts lists it as hand-written.
CREATE INDEX "Response_comment_search_idx" ON "Response" USING GIN (to_tsvector('simple'::regconfig, "comment"))
  WHERE "comment" IS NOT NULL;
