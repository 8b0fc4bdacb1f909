-- The follow-up rollups (FollowUpRollup, FollowUpHourRollup, RootCauseRollup) were whole-tenant only, so a view
-- filtered by channel, survey or segment counted its follow-ups from the rows, each joined to its response:
-- 0.35–0.68 s for 90 days at 1,000,000 responses (docs/benchmarks.md, 2026-12-04), growing with the period.
--
-- Their rows now name the filter they count for, as (filter, value):
--   ("", "")                 the whole tenant, as before;
--   ("channel", channel)     only the follow-ups of responses in that channel;
--   ("survey", surveyId)     … of that survey;
--   ("segment", segment)     … of that segment ("" without one).
-- (A pair rather than a column per filter with "*" for any: a segment is free text and could itself be "*".)
-- A follow-up counts in those four rows per grain, in the shard of its id (migration 20261202000000), all upserted
-- by the same statement as before. Combinations (a channel and a segment) still count the rows.
--
-- Four times the rows would be four times the work of a detractor's click, so two kinds of rows no reader needs go:
--   FollowUpRollup (minutes) no longer counts follow-ups not contacted yet (minutes -1): it only resolves the minute
--     of the median among the contacted; the totals come from FollowUpHourRollup, which keeps hour -1;
--   RootCauseRollup no longer counts follow-ups without a root cause (""): "Not recorded" is the follow-ups opened
--     less those with a cause.
-- A new detractor's follow-up (not contacted, no cause yet) then adds to FollowUpHourRollup's four rows per grain
-- only: 12 row upserts, against 9 before (3 in each of the three rollups).
--
-- FollowUp carries its response's channel, survey and segment (copied on insert, moved with the response), as a
-- theme tag does: a follow-up deleted by a cascade from its response still knows which rows to count down, and the
-- views that count rows no longer join the responses.

ALTER TABLE "FollowUp" ADD COLUMN "channel" "Channel", ADD COLUMN "surveyId" TEXT, ADD COLUMN "segment" TEXT;

-- Copying the keys changes no counted column: the rollups' update trigger is left out of it (restored below).
DROP TRIGGER "FollowUp_rollups_update" ON "FollowUp";
UPDATE "FollowUp" AS f SET "channel" = r."channel", "surveyId" = r."surveyId", "segment" = r."segment"
  FROM "Response" AS r WHERE r."id" = f."responseId";

ALTER TABLE "FollowUpRollup" ADD COLUMN "filter" TEXT NOT NULL DEFAULT '', ADD COLUMN "value" TEXT NOT NULL DEFAULT '',
  DROP CONSTRAINT "FollowUpRollup_pkey",
  ADD CONSTRAINT "FollowUpRollup_pkey" PRIMARY KEY ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard");
DROP INDEX "FollowUpRollup_minutes_idx";
CREATE INDEX "FollowUpRollup_minutes_idx" ON "FollowUpRollup"("organizationId", "filter", "value", "grain", "minutesToFirstContact", "periodStart");
ALTER TABLE "FollowUpHourRollup" ADD COLUMN "filter" TEXT NOT NULL DEFAULT '', ADD COLUMN "value" TEXT NOT NULL DEFAULT '',
  DROP CONSTRAINT "FollowUpHourRollup_pkey",
  ADD CONSTRAINT "FollowUpHourRollup_pkey" PRIMARY KEY ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard");
ALTER TABLE "RootCauseRollup" ADD COLUMN "filter" TEXT NOT NULL DEFAULT '', ADD COLUMN "value" TEXT NOT NULL DEFAULT '',
  DROP CONSTRAINT "RootCauseRollup_pkey",
  ADD CONSTRAINT "RootCauseRollup_pkey" PRIMARY KEY ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard");

DROP FUNCTION "FollowUpRollup_apply"(text[], smallint[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpHourRollup_apply"(text[], smallint[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpRollup_deltas"(int, text[], smallint[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "RootCauseRollup_apply"(text[], smallint[], timestamp(3)[], text[], int[]);
DROP FUNCTION "RootCauseRollup_deltas"(text[], smallint[], timestamp(3)[], text[], int[]);

-- The four rows of keys a follow-up counts in (see the top of this file).
CREATE FUNCTION "FollowUp_rollup_keys"(chan text, survey text, seg text)
RETURNS TABLE ("filter" text, "value" text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  VALUES ('', ''), ('channel', chan), ('survey', survey), ('segment', COALESCE(seg, ''))
$$;

CREATE FUNCTION "FollowUpRollup_deltas"(per int, org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[])
RETURNS TABLE ("organizationId" text, "filter" text, "value" text, "grain" "RollupGrain", "periodStart" date, "bucket" int, "shard" smallint,
               "opened" int, "slaMet" int, "resolved" int, "notResolved" int, "unreachable" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, k."filter", k."value", g.grain, date_trunc(g.grain::text, c.created)::date,
           CASE WHEN c.contacted IS NULL THEN -1
                ELSE GREATEST(0, floor(extract(epoch FROM c.contacted - c.created) / 60))::int / per END,
           c.shard,
           sum(c.delta)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.contacted <= c.due), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'not_resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'unreachable'), 0)::int
      FROM unnest(org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS c(org, shard, chan, survey, seg, created, contacted, due, outcome, delta)
     CROSS JOIN LATERAL "FollowUp_rollup_keys"(c.chan, c.survey, c.seg) AS k
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "filter", "value", "grain", "periodStart", "bucket", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  WHERE d."opened" <> 0 OR d."slaMet" <> 0 OR d."resolved" <> 0 OR d."notResolved" <> 0 OR d."unreachable" <> 0
$$;

-- As before: gains are upserted in key order, losses only update, rows at zero are removed. Only contacted
-- follow-ups (bucket 0 and up) count here.
CREATE FUNCTION "FollowUpRollup_apply"(org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(1, org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS d
   WHERE d."bucket" >= 0 AND (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0)
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard") DO UPDATE SET
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
      FROM "FollowUpRollup_deltas"(1, org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpRollup" AS r
     USING "FollowUpRollup_deltas"(1, org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE FUNCTION "FollowUpHourRollup_apply"(org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpHourRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(60, org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS d
   WHERE d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard") DO UPDATE SET
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
      FROM "FollowUpRollup_deltas"(60, org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpHourRollup" AS r
     USING "FollowUpRollup_deltas"(60, org, shards, chan, survey, seg, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE FUNCTION "RootCauseRollup_deltas"(org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], cause text[], delta int[])
RETURNS TABLE ("organizationId" text, "filter" text, "value" text, "grain" "RollupGrain", "periodStart" date, "rootCauseId" text, "shard" smallint, "followUps" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, k."filter", k."value", g.grain, date_trunc(g.grain::text, c.created)::date, c.cause, c.shard, sum(c.delta)::int
      FROM unnest(org, shards, chan, survey, seg, created, cause, delta) AS c(org, shard, chan, survey, seg, created, cause, delta)
     CROSS JOIN LATERAL "FollowUp_rollup_keys"(c.chan, c.survey, c.seg) AS k
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     WHERE c.cause IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  WHERE d."followUps" <> 0
$$;

CREATE FUNCTION "RootCauseRollup_apply"(org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], cause text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "RootCauseRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  SELECT d.* FROM "RootCauseRollup_deltas"(org, shards, chan, survey, seg, created, cause, delta) AS d WHERE d."followUps" > 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard") DO UPDATE SET "followUps" = r."followUps" + EXCLUDED."followUps";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "RootCauseRollup" AS r SET "followUps" = r."followUps" + d."followUps"
      FROM "RootCauseRollup_deltas"(org, shards, chan, survey, seg, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."shard" = d."shard" AND d."followUps" < 0;
    DELETE FROM "RootCauseRollup" AS r
     USING "RootCauseRollup_deltas"(org, shards, chan, survey, seg, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."shard" = d."shard" AND r."followUps" = 0;
  END IF;
END $$;

-- As before, with the response's keys: on update only the follow-ups whose counted columns changed count (old out,
-- new in), the keys included (they move when the response's do).
CREATE OR REPLACE FUNCTION "FollowUp_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, cr, co, du, oc, d),
            "RootCauseRollup_apply"(o, s, ch, su, se, cr, ca, d)
       FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("channel"::text) ch, array_agg("surveyId") su,
                    array_agg("segment") se, array_agg("createdAt") cr, array_agg("contactedAt") co, array_agg("dueAt") du, array_agg("outcome"::text) oc,
                    array_agg("rootCauseId") ca, array_agg(1) d FROM new_rows) a;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, cr, co, du, oc, d),
            "RootCauseRollup_apply"(o, s, ch, su, se, cr, ca, d)
       FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("channel"::text) ch, array_agg("surveyId") su,
                    array_agg("segment") se, array_agg("createdAt") cr, array_agg("contactedAt") co, array_agg("dueAt") du, array_agg("outcome"::text) oc,
                    array_agg("rootCauseId") ca, array_agg(-1) d FROM old_rows) a;
  ELSE
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, cr, co, du, oc, d),
            "RootCauseRollup_apply"(o, s, ch, su, se, cr, ca, d)
       FROM (SELECT array_agg(c.org) o, array_agg(c.shard) s, array_agg(c.chan) ch, array_agg(c.survey) su, array_agg(c.seg) se, array_agg(c.created) cr,
                    array_agg(c.contacted) co, array_agg(c.due) du, array_agg(c.outcome) oc, array_agg(c.cause) ca, array_agg(c.delta) d
               FROM (SELECT m.*
                       FROM new_rows n JOIN old_rows o ON o."id" = n."id"
                      CROSS JOIN LATERAL (VALUES
                              (n."organizationId", "FollowUp_rollup_shard"(n."id"), n."channel"::text, n."surveyId", n."segment", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome"::text, 1),
                              (o."organizationId", "FollowUp_rollup_shard"(o."id"), o."channel"::text, o."surveyId", o."segment", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome"::text, -1))
                            AS m(org, shard, chan, survey, seg, created, cause, contacted, due, outcome, delta)
                      WHERE (n."organizationId", n."channel", n."surveyId", n."segment", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome")
                            IS DISTINCT FROM (o."organizationId", o."channel", o."surveyId", o."segment", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome")) AS c) a;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FollowUp_rollups_update" AFTER UPDATE ON "FollowUp" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollups"();

-- A follow-up takes its response's keys as it is inserted (one look-up by primary key, in the click's statement).
CREATE FUNCTION "FollowUp_copy_response"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."channel", r."surveyId", r."segment" INTO NEW."channel", NEW."surveyId", NEW."segment"
    FROM "Response" r WHERE r."id" = NEW."responseId";
  RETURN NEW;
END $$;
CREATE TRIGGER "FollowUp_copy_response" BEFORE INSERT ON "FollowUp"
  FOR EACH ROW EXECUTE FUNCTION "FollowUp_copy_response"();

-- A response whose keys change moves them onto its follow-up, whose update trigger then moves its counts.
CREATE FUNCTION "Response_follow_up_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FollowUp" AS f SET "channel" = n."channel", "surveyId" = n."surveyId", "segment" = n."segment"
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
   WHERE f."responseId" = n."id"
     AND (n."channel", n."surveyId", n."segment") IS DISTINCT FROM (o."channel", o."surveyId", o."segment");
  RETURN NULL;
END $$;
CREATE TRIGGER "Response_follow_up_keys" AFTER UPDATE ON "Response" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Response_follow_up_keys"();

-- The rows no reader needs (see above) go; then the rows of the filters for the follow-ups that exist (the whole
-- tenant's are already there), one grouped INSERT per rollup, in key order: a filter's rows then lie on pages of
-- their own, as the whole tenant's do (in the order of the grouping, the channel "store" over all time was spread
-- over every page of FollowUpHourRollup and took seconds to read).
DELETE FROM "FollowUpRollup" WHERE "minutesToFirstContact" = -1;
DELETE FROM "RootCauseRollup" WHERE "rootCauseId" = '';

INSERT INTO "FollowUpRollup" ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
SELECT f."organizationId", k."filter", k."value", g.grain, date_trunc(g.grain::text, f."createdAt")::date,
       GREATEST(0, floor(extract(epoch FROM f."contactedAt" - f."createdAt") / 60))::int,
       "FollowUp_rollup_shard"(f."id"), count(*), count(*) FILTER (WHERE f."contactedAt" <= f."dueAt"),
       count(*) FILTER (WHERE f."outcome" = 'resolved'), count(*) FILTER (WHERE f."outcome" = 'not_resolved'), count(*) FILTER (WHERE f."outcome" = 'unreachable')
  FROM "FollowUp" f
 CROSS JOIN LATERAL "FollowUp_rollup_keys"(f."channel"::text, f."surveyId", f."segment") AS k
 CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
 WHERE k."filter" <> '' AND f."contactedAt" IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "FollowUpHourRollup" ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
SELECT f."organizationId", k."filter", k."value", g.grain, date_trunc(g.grain::text, f."createdAt")::date,
       CASE WHEN f."contactedAt" IS NULL THEN -1 ELSE GREATEST(0, floor(extract(epoch FROM f."contactedAt" - f."createdAt") / 60))::int / 60 END,
       "FollowUp_rollup_shard"(f."id"), count(*), count(*) FILTER (WHERE f."contactedAt" <= f."dueAt"),
       count(*) FILTER (WHERE f."outcome" = 'resolved'), count(*) FILTER (WHERE f."outcome" = 'not_resolved'), count(*) FILTER (WHERE f."outcome" = 'unreachable')
  FROM "FollowUp" f
 CROSS JOIN LATERAL "FollowUp_rollup_keys"(f."channel"::text, f."surveyId", f."segment") AS k
 CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
 WHERE k."filter" <> ''
 GROUP BY 1, 2, 3, 4, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "RootCauseRollup" ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
SELECT f."organizationId", k."filter", k."value", g.grain, date_trunc(g.grain::text, f."createdAt")::date,
       f."rootCauseId", "FollowUp_rollup_shard"(f."id"), count(*)
  FROM "FollowUp" f
 CROSS JOIN LATERAL "FollowUp_rollup_keys"(f."channel"::text, f."surveyId", f."segment") AS k
 CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
 WHERE k."filter" <> '' AND f."rootCauseId" IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;
