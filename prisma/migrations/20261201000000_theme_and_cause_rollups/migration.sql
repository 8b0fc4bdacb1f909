-- CreateEnum
CREATE TYPE "ThemeRetagState" AS ENUM ('queued', 'running', 'done', 'failed');

-- AlterTable
ALTER TABLE "ResponseTheme" ADD COLUMN     "category" "ResponseCategory",
ADD COLUMN     "channel" "Channel",
ADD COLUMN     "respondedAt" TIMESTAMP(3),
ADD COLUMN     "segment" TEXT,
ADD COLUMN     "storeId" TEXT,
ADD COLUMN     "surveyId" TEXT;

-- CreateTable
CREATE TABLE "ThemeRollup" (
    "organizationId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
    "themeId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "segment" TEXT NOT NULL,
    "promoters" INTEGER NOT NULL DEFAULT 0,
    "passives" INTEGER NOT NULL DEFAULT 0,
    "detractors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ThemeRollup_pkey" PRIMARY KEY ("organizationId","storeId","grain","periodStart","themeId","surveyId","channel","segment")
);

-- CreateTable
CREATE TABLE "RootCauseRollup" (
    "organizationId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
    "rootCauseId" TEXT NOT NULL,
    "followUps" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RootCauseRollup_pkey" PRIMARY KEY ("organizationId","grain","periodStart","rootCauseId")
);

-- CreateTable
CREATE TABLE "FollowUpHourRollup" (
    "organizationId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
    "hoursToFirstContact" INTEGER NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "slaMet" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "notResolved" INTEGER NOT NULL DEFAULT 0,
    "unreachable" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FollowUpHourRollup_pkey" PRIMARY KEY ("organizationId","grain","periodStart","hoursToFirstContact")
);

-- CreateTable
CREATE TABLE "ThemeRetag" (
    "themeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "state" "ThemeRetagState" NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "cursor" TEXT,
    "error" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ThemeRetag_pkey" PRIMARY KEY ("themeId")
);

-- CreateIndex
CREATE INDEX "FollowUpRollup_minutes_idx" ON "FollowUpRollup"("organizationId", "grain", "minutesToFirstContact", "periodStart");

-- CreateIndex
CREATE INDEX "ThemeRetag_organizationId_idx" ON "ThemeRetag"("organizationId");

-- AddForeignKey
ALTER TABLE "ThemeRollup" ADD CONSTRAINT "ThemeRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RootCauseRollup" ADD CONSTRAINT "RootCauseRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpHourRollup" ADD CONSTRAINT "FollowUpHourRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeRetag" ADD CONSTRAINT "ThemeRetag_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeRetag" ADD CONSTRAINT "ThemeRetag_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot state.

-- ThemeRollup: comments per theme, by category, per day, week and month (UTC), kept by triggers like
-- FeedbackRollup (migration 20261123100000_analytics) so that it can never be stale. Two pseudo-keys:
--   themeId '' counts every response with a comment (the denominator of "share of comments");
--   storeId '*' repeats every count across all stores and online, so that a view not limited to stores reads a
--   few rows per period instead of one per store (storeId '' is online, as in FeedbackRollup).
--
-- A tag carries its response's rollup keys (copied on insert, moved when the response's keys change), so that a
-- tag deleted by a cascade from its response still knows what to subtract.
CREATE FUNCTION "ResponseTheme_copy_response"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."respondedAt", r."storeId", r."surveyId", r."channel", r."segment", r."category"
    INTO NEW."respondedAt", NEW."storeId", NEW."surveyId", NEW."channel", NEW."segment", NEW."category"
    FROM "Response" r WHERE r."id" = NEW."responseId";
  RETURN NEW;
END $$;

CREATE FUNCTION "ThemeRollup_deltas"(org text[], at timestamp(3)[], store text[], theme text[], survey text[], chan "Channel"[], seg text[], cat "ResponseCategory"[], delta int[])
RETURNS TABLE ("organizationId" text, "storeId" text, "grain" "RollupGrain", "periodStart" date, "themeId" text, "surveyId" text,
               "channel" "Channel", "segment" text, "promoters" int, "passives" int, "detractors" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, s.store, g.grain, date_trunc(g.grain::text, c.at)::date, c.theme, c.survey, c.chan, COALESCE(c.seg, ''),
           COALESCE(sum(c.delta) FILTER (WHERE c.cat = 'promoter'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.cat = 'passive'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.cat = 'detractor'), 0)::int
      FROM unnest(org, at, store, theme, survey, chan, seg, cat, delta) AS c(org, at, store, theme, survey, chan, seg, cat, delta)
     CROSS JOIN LATERAL (VALUES (COALESCE(c.store, '')), ('*')) AS s(store)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) AS d("organizationId", "storeId", "grain", "periodStart", "themeId", "surveyId", "channel", "segment", "promoters", "passives", "detractors")
  WHERE d."promoters" <> 0 OR d."passives" <> 0 OR d."detractors" <> 0
$$;

-- As FeedbackRollup_apply: gains are upserted in key order, losses only update, rows at zero are removed.
CREATE FUNCTION "ThemeRollup_apply"(org text[], at timestamp(3)[], store text[], theme text[], survey text[], chan "Channel"[], seg text[], cat "ResponseCategory"[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "ThemeRollup" AS r ("organizationId", "storeId", "grain", "periodStart", "themeId", "surveyId", "channel", "segment", "promoters", "passives", "detractors")
  SELECT d.* FROM "ThemeRollup_deltas"(org, at, store, theme, survey, chan, seg, cat, delta) AS d
   WHERE d."promoters" > 0 OR d."passives" > 0 OR d."detractors" > 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("organizationId", "storeId", "grain", "periodStart", "themeId", "surveyId", "channel", "segment") DO UPDATE SET
        "promoters" = r."promoters" + EXCLUDED."promoters",
        "passives" = r."passives" + EXCLUDED."passives",
        "detractors" = r."detractors" + EXCLUDED."detractors";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "ThemeRollup" AS r SET
        "promoters" = r."promoters" + d."promoters",
        "passives" = r."passives" + d."passives",
        "detractors" = r."detractors" + d."detractors"
      FROM "ThemeRollup_deltas"(org, at, store, theme, survey, chan, seg, cat, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."storeId" = d."storeId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."themeId" = d."themeId" AND r."surveyId" = d."surveyId" AND r."channel" = d."channel" AND r."segment" = d."segment"
       AND NOT (d."promoters" > 0 OR d."passives" > 0 OR d."detractors" > 0);
    DELETE FROM "ThemeRollup" AS r
     USING "ThemeRollup_deltas"(org, at, store, theme, survey, chan, seg, cat, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."storeId" = d."storeId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."themeId" = d."themeId" AND r."surveyId" = d."surveyId" AND r."channel" = d."channel" AND r."segment" = d."segment"
       AND r."promoters" = 0 AND r."passives" = 0 AND r."detractors" = 0;
  END IF;
END $$;

CREATE FUNCTION "ResponseTheme_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ThemeRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg("themeId"),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("category"), array_agg(1)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "ThemeRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg("themeId"),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("category"), array_agg(-1)) FROM old_rows;
  ELSE
    PERFORM "ThemeRollup_apply"(array_agg(c."organizationId"), array_agg(c."respondedAt"), array_agg(c."storeId"), array_agg(c."themeId"),
      array_agg(c."surveyId"), array_agg(c."channel"), array_agg(c."segment"), array_agg(c."category"), array_agg(c.delta))
      FROM (SELECT *, 1 AS delta FROM new_rows UNION ALL SELECT *, -1 AS delta FROM old_rows) AS c;
  END IF;
  RETURN NULL;
END $$;

-- On Response: the commented-responses row (themeId ''), and moving a response's keys onto its tags. An update
-- that changes neither a key nor whether there is a comment (a new comment text, a call-back consent) does nothing.
CREATE FUNCTION "Response_theme_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "ThemeRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg(''::text),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("category"), array_agg(1))
      FROM new_rows WHERE "comment" IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "ThemeRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg(''::text),
      array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("category"), array_agg(-1))
      FROM old_rows WHERE "comment" IS NOT NULL;
  ELSE
    IF NOT EXISTS (
      SELECT 1 FROM new_rows n JOIN old_rows o ON o."id" = n."id"
       WHERE (n."organizationId", n."respondedAt", n."storeId", n."surveyId", n."channel", n."segment", n."category", n."comment" IS NULL)
             IS DISTINCT FROM (o."organizationId", o."respondedAt", o."storeId", o."surveyId", o."channel", o."segment", o."category", o."comment" IS NULL)
    ) THEN
      RETURN NULL;
    END IF;
    UPDATE "ResponseTheme" AS t SET "respondedAt" = n."respondedAt", "storeId" = n."storeId", "surveyId" = n."surveyId",
           "channel" = n."channel", "segment" = n."segment", "category" = n."category"
      FROM new_rows n JOIN old_rows o ON o."id" = n."id"
     WHERE t."responseId" = n."id"
       AND (n."respondedAt", n."storeId", n."surveyId", n."channel", n."segment", n."category")
           IS DISTINCT FROM (o."respondedAt", o."storeId", o."surveyId", o."channel", o."segment", o."category");
    PERFORM "ThemeRollup_apply"(array_agg(c."organizationId"), array_agg(c."respondedAt"), array_agg(c."storeId"), array_agg(''::text),
      array_agg(c."surveyId"), array_agg(c."channel"), array_agg(c."segment"), array_agg(c."category"), array_agg(c.delta))
      FROM (SELECT n.*, 1 AS delta FROM new_rows n WHERE n."comment" IS NOT NULL
            UNION ALL SELECT o.*, -1 AS delta FROM old_rows o WHERE o."comment" IS NOT NULL) AS c;
  END IF;
  RETURN NULL;
END $$;

-- RootCauseRollup: follow-ups opened per day, week and month (UTC) by root cause ('' while none is recorded),
-- tenant-wide, for the dashboard's root-cause counts. Kept like FollowUpRollup.
CREATE FUNCTION "RootCauseRollup_deltas"(org text[], created timestamp(3)[], cause text[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "rootCauseId" text, "followUps" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, g.grain, date_trunc(g.grain::text, c.created)::date, COALESCE(c.cause, ''), sum(c.delta)::int
      FROM unnest(org, created, cause, delta) AS c(org, created, cause, delta)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4
  ) AS d("organizationId", "grain", "periodStart", "rootCauseId", "followUps")
  WHERE d."followUps" <> 0
$$;

CREATE FUNCTION "RootCauseRollup_apply"(org text[], created timestamp(3)[], cause text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "RootCauseRollup" AS r ("organizationId", "grain", "periodStart", "rootCauseId", "followUps")
  SELECT d.* FROM "RootCauseRollup_deltas"(org, created, cause, delta) AS d WHERE d."followUps" > 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "grain", "periodStart", "rootCauseId") DO UPDATE SET "followUps" = r."followUps" + EXCLUDED."followUps";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "RootCauseRollup" AS r SET "followUps" = r."followUps" + d."followUps"
      FROM "RootCauseRollup_deltas"(org, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND d."followUps" < 0;
    DELETE FROM "RootCauseRollup" AS r
     USING "RootCauseRollup_deltas"(org, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."followUps" = 0;
  END IF;
END $$;

-- FollowUpHourRollup: FollowUpRollup by whole hours instead of minutes (the same definitions, lib/analytics/
-- follow-up-figures.ts): the totals and the hour of the median come from a few rows per period, and only that
-- hour's minutes are read from FollowUpRollup (through FollowUpRollup_minutes_idx) for the exact median.
CREATE FUNCTION "FollowUpHourRollup_deltas"(org text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "hoursToFirstContact" int,
               "opened" int, "slaMet" int, "resolved" int, "notResolved" int, "unreachable" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, g.grain, date_trunc(g.grain::text, c.created)::date,
           CASE WHEN c.contacted IS NULL THEN -1
                ELSE GREATEST(0, floor(extract(epoch FROM c.contacted - c.created) / 60))::int / 60 END,
           sum(c.delta)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.contacted <= c.due), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'not_resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'unreachable'), 0)::int
      FROM unnest(org, created, contacted, due, outcome, delta) AS c(org, created, contacted, due, outcome, delta)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4
  ) AS d("organizationId", "grain", "periodStart", "hoursToFirstContact", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  WHERE d."opened" <> 0 OR d."slaMet" <> 0 OR d."resolved" <> 0 OR d."notResolved" <> 0 OR d."unreachable" <> 0
$$;

CREATE FUNCTION "FollowUpHourRollup_apply"(org text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpHourRollup" AS r ("organizationId", "grain", "periodStart", "hoursToFirstContact", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpHourRollup_deltas"(org, created, contacted, due, outcome, delta) AS d
   WHERE d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "grain", "periodStart", "hoursToFirstContact") DO UPDATE SET
        "opened" = r."opened" + EXCLUDED."opened",
        "slaMet" = r."slaMet" + EXCLUDED."slaMet",
        "resolved" = r."resolved" + EXCLUDED."resolved",
        "notResolved" = r."notResolved" + EXCLUDED."notResolved",
        "unreachable" = r."unreachable" + EXCLUDED."unreachable";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "FollowUpHourRollup" AS r SET
        "opened" = r."opened" + d."opened",
        "slaMet" = r."slaMet" + d."slaMet",
        "resolved" = r."resolved" + d."resolved",
        "notResolved" = r."notResolved" + d."notResolved",
        "unreachable" = r."unreachable" + d."unreachable"
      FROM "FollowUpHourRollup_deltas"(org, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."hoursToFirstContact" AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpHourRollup" AS r
     USING "FollowUpHourRollup_deltas"(org, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."hoursToFirstContact" AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

-- RootCauseRollup and FollowUpHourRollup from FollowUp. On update only the follow-ups whose counted columns
-- changed count (old out, new in): notes, assignments and call attempts cost one comparison.
CREATE FUNCTION "FollowUp_summary_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "RootCauseRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("rootCauseId"), array_agg(1)),
            "FollowUpHourRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("contactedAt"), array_agg("dueAt"), array_agg("outcome"::text), array_agg(1))
       FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "RootCauseRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("rootCauseId"), array_agg(-1)),
            "FollowUpHourRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("contactedAt"), array_agg("dueAt"), array_agg("outcome"::text), array_agg(-1))
       FROM old_rows;
  ELSE
    PERFORM "RootCauseRollup_apply"(array_agg(c.org), array_agg(c.created), array_agg(c.cause), array_agg(c.delta)),
            "FollowUpHourRollup_apply"(array_agg(c.org), array_agg(c.created), array_agg(c.contacted), array_agg(c.due), array_agg(c.outcome), array_agg(c.delta))
      FROM (SELECT m.*
              FROM new_rows n JOIN old_rows o ON o."id" = n."id"
             CROSS JOIN LATERAL (VALUES
                     (n."organizationId", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome"::text, 1),
                     (o."organizationId", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome"::text, -1))
                   AS m(org, created, cause, contacted, due, outcome, delta)
             WHERE (n."organizationId", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome")
                   IS DISTINCT FROM (o."organizationId", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome")) AS c;
  END IF;
  RETURN NULL;
END $$;

-- The follow-up figures of views limited to stores (a region, a store manager's stores) read the follow-ups
-- themselves: this index holds every column they need, so they never touch the table. Prisma cannot declare
-- INCLUDE: tests/integration/db/schema-diff.ts lists it as hand-written.
CREATE INDEX "FollowUp_store_figures_idx" ON "FollowUp" ("organizationId", "storeId", "createdAt")
  INCLUDE ("contactedAt", "dueAt", "outcome", "rootCauseId");

-- Rows that existed before this migration: tags get their response's keys, then the rollups are filled.
UPDATE "ResponseTheme" AS t SET "respondedAt" = r."respondedAt", "storeId" = r."storeId", "surveyId" = r."surveyId",
       "channel" = r."channel", "segment" = r."segment", "category" = r."category"
  FROM "Response" r WHERE r."id" = t."responseId";
SELECT "ThemeRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg("themeId"),
  array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("category"), array_agg(1)) FROM "ResponseTheme";
SELECT "ThemeRollup_apply"(array_agg("organizationId"), array_agg("respondedAt"), array_agg("storeId"), array_agg(''::text),
  array_agg("surveyId"), array_agg("channel"), array_agg("segment"), array_agg("category"), array_agg(1)) FROM "Response" WHERE "comment" IS NOT NULL;
SELECT "RootCauseRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("rootCauseId"), array_agg(1)) FROM "FollowUp";
SELECT "FollowUpHourRollup_apply"(array_agg("organizationId"), array_agg("createdAt"), array_agg("contactedAt"), array_agg("dueAt"), array_agg("outcome"::text), array_agg(1)) FROM "FollowUp";

CREATE TRIGGER "ResponseTheme_copy_response" BEFORE INSERT ON "ResponseTheme"
  FOR EACH ROW EXECUTE FUNCTION "ResponseTheme_copy_response"();
CREATE TRIGGER "ResponseTheme_rollup_insert" AFTER INSERT ON "ResponseTheme" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ResponseTheme_rollup"();
CREATE TRIGGER "ResponseTheme_rollup_update" AFTER UPDATE ON "ResponseTheme" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ResponseTheme_rollup"();
CREATE TRIGGER "ResponseTheme_rollup_delete" AFTER DELETE ON "ResponseTheme" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ResponseTheme_rollup"();
CREATE TRIGGER "Response_theme_rollup_insert" AFTER INSERT ON "Response" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_theme_rollup"();
CREATE TRIGGER "Response_theme_rollup_update" AFTER UPDATE ON "Response" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_theme_rollup"();
CREATE TRIGGER "Response_theme_rollup_delete" AFTER DELETE ON "Response" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_theme_rollup"();
CREATE TRIGGER "FollowUp_summary_rollup_insert" AFTER INSERT ON "FollowUp" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_summary_rollup"();
CREATE TRIGGER "FollowUp_summary_rollup_update" AFTER UPDATE ON "FollowUp" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_summary_rollup"();
CREATE TRIGGER "FollowUp_summary_rollup_delete" AFTER DELETE ON "FollowUp" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_summary_rollup"();
