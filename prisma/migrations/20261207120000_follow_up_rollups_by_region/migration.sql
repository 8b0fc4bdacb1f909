-- The follow-up figures of one region were counted from its follow-ups one by one: 365,000 of them for a region of
-- 200 stores over five years at 10,000,000 responses (p95 666 ms, docs/benchmarks.md). A follow-up now carries its
-- store's region (copied as it is written, moved when the store changes region), and the follow-up rollups count it
-- under ("region", regionId) too, beside the whole tenant and each channel, survey and segment: a view of one whole
-- region reads its rollup rows, a few thousand at most. A follow-up of a store without a region counts under none.

ALTER TABLE "FollowUp" ADD COLUMN "regionId" TEXT;

-- Hand-written: what Prisma's schema language cannot state.

-- The follow-ups' regions, before the triggers below know of them: the update trigger still in place moves no
-- counts for a column it does not count by. Their rows under ("region", regionId) are built at the end.
UPDATE "FollowUp" AS f SET "regionId" = s."regionId" FROM "Store" s WHERE s."id" = f."storeId" AND s."regionId" IS NOT NULL;

-- Kept by the database, as the other copied keys are: on insert, when the follow-up's store changes (or is deleted:
-- the foreign key sets it to NULL), and from the store when it moves to another region.
CREATE OR REPLACE FUNCTION "FollowUp_copy_region"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."regionId" := (SELECT s."regionId" FROM "Store" s WHERE s."id" = NEW."storeId");
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "FollowUp_copy_region" BEFORE INSERT OR UPDATE OF "storeId", "regionId" ON "FollowUp"
  FOR EACH ROW EXECUTE FUNCTION "FollowUp_copy_region"();

-- The follow-ups' update trigger then moves their counts to the new region.
CREATE OR REPLACE FUNCTION "Store_follow_up_region"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FollowUp" AS f SET "regionId" = n."regionId"
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
   WHERE f."storeId" = n."id" AND n."regionId" IS DISTINCT FROM o."regionId";
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Store_follow_up_region" AFTER UPDATE ON "Store" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "Store_follow_up_region"();

-- The keys a follow-up counts under: FollowUp_rollup_keys's four, and its region when it has one.
CREATE OR REPLACE FUNCTION "FollowUp_counted_keys"(chan text, survey text, seg text, region text)
RETURNS TABLE ("filter" text, "value" text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT k.* FROM (VALUES ('', ''), ('channel', chan), ('survey', survey), ('segment', COALESCE(seg, '')), ('region', region)) AS k("filter", "value")
   WHERE k."value" IS NOT NULL
$$;

-- The deltas and their application with the regions beside the other keys (new signatures: the old ones go).
DROP FUNCTION "FollowUpRollup_apply"(text[], smallint[], text[], text[], text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpHourRollup_apply"(text[], smallint[], text[], text[], text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "RootCauseRollup_apply"(text[], smallint[], text[], text[], text[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpRollup_deltas"(int, text[], smallint[], text[], text[], text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "RootCauseRollup_deltas"(text[], smallint[], text[], text[], text[], timestamp(3)[], text[], int[]);

CREATE OR REPLACE FUNCTION "FollowUpRollup_deltas"(per int, org text[], shards smallint[], chan text[], survey text[], seg text[], region text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[])
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
      FROM unnest(org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS c(org, shard, chan, survey, seg, region, created, contacted, due, outcome, delta)
     CROSS JOIN LATERAL "FollowUp_counted_keys"(c.chan, c.survey, c.seg, c.region) AS k
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain"), ('year'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "filter", "value", "grain", "periodStart", "bucket", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  WHERE d."opened" <> 0 OR d."slaMet" <> 0 OR d."resolved" <> 0 OR d."notResolved" <> 0 OR d."unreachable" <> 0
$$;

CREATE OR REPLACE FUNCTION "RootCauseRollup_deltas"(org text[], shards smallint[], chan text[], survey text[], seg text[], region text[], created timestamp(3)[], cause text[], delta int[])
RETURNS TABLE ("organizationId" text, "filter" text, "value" text, "grain" "RollupGrain", "periodStart" date, "rootCauseId" text, "shard" smallint, "followUps" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, k."filter", k."value", g.grain, date_trunc(g.grain::text, c.created)::date, c.cause, c.shard, sum(c.delta)::int
      FROM unnest(org, shards, chan, survey, seg, region, created, cause, delta) AS c(org, shard, chan, survey, seg, region, created, cause, delta)
     CROSS JOIN LATERAL "FollowUp_counted_keys"(c.chan, c.survey, c.seg, c.region) AS k
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain"), ('year'::"RollupGrain")) AS g(grain)
     WHERE c.cause IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  WHERE d."followUps" <> 0
$$;

CREATE OR REPLACE FUNCTION "FollowUpRollup_apply"(org text[], shards smallint[], chan text[], survey text[], seg text[], region text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(1, org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS d
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
      FROM "FollowUpRollup_deltas"(1, org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpRollup" AS r
     USING "FollowUpRollup_deltas"(1, org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION "FollowUpHourRollup_apply"(org text[], shards smallint[], chan text[], survey text[], seg text[], region text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpHourRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(60, org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS d
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
      FROM "FollowUpRollup_deltas"(60, org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpHourRollup" AS r
     USING "FollowUpRollup_deltas"(60, org, shards, chan, survey, seg, region, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."bucket" AND r."shard" = d."shard"
       AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION "RootCauseRollup_apply"(org text[], shards smallint[], chan text[], survey text[], seg text[], region text[], created timestamp(3)[], cause text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "RootCauseRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  SELECT d.* FROM "RootCauseRollup_deltas"(org, shards, chan, survey, seg, region, created, cause, delta) AS d WHERE d."followUps" > 0
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard") DO UPDATE SET "followUps" = r."followUps" + EXCLUDED."followUps";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "RootCauseRollup" AS r SET "followUps" = r."followUps" + d."followUps"
      FROM "RootCauseRollup_deltas"(org, shards, chan, survey, seg, region, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."shard" = d."shard" AND d."followUps" < 0;
    DELETE FROM "RootCauseRollup" AS r
     USING "RootCauseRollup_deltas"(org, shards, chan, survey, seg, region, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value"
       AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."shard" = d."shard" AND r."followUps" = 0;
  END IF;
END $$;

-- As before, with the region among the keys that move a follow-up's counts.
CREATE OR REPLACE FUNCTION "FollowUp_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d),
            "RootCauseRollup_apply"(o, s, ch, su, se, re, cr, ca, d)
       FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("channel"::text) ch, array_agg("surveyId") su,
                    array_agg("segment") se, array_agg("regionId") re, array_agg("createdAt") cr, array_agg("contactedAt") co, array_agg("dueAt") du, array_agg("outcome"::text) oc,
                    array_agg("rootCauseId") ca, array_agg(1) d FROM new_rows) a;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d),
            "RootCauseRollup_apply"(o, s, ch, su, se, re, cr, ca, d)
       FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("channel"::text) ch, array_agg("surveyId") su,
                    array_agg("segment") se, array_agg("regionId") re, array_agg("createdAt") cr, array_agg("contactedAt") co, array_agg("dueAt") du, array_agg("outcome"::text) oc,
                    array_agg("rootCauseId") ca, array_agg(-1) d FROM old_rows) a;
  ELSE
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d),
            "RootCauseRollup_apply"(o, s, ch, su, se, re, cr, ca, d)
       FROM (SELECT array_agg(c.org) o, array_agg(c.shard) s, array_agg(c.chan) ch, array_agg(c.survey) su, array_agg(c.seg) se, array_agg(c.region) re, array_agg(c.created) cr,
                    array_agg(c.contacted) co, array_agg(c.due) du, array_agg(c.outcome) oc, array_agg(c.cause) ca, array_agg(c.delta) d
               FROM (SELECT m.*
                       FROM new_rows n JOIN old_rows o ON o."id" = n."id"
                      CROSS JOIN LATERAL (VALUES
                              (n."organizationId", "FollowUp_rollup_shard"(n."id"), n."channel"::text, n."surveyId", n."segment", n."regionId", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome"::text, 1),
                              (o."organizationId", "FollowUp_rollup_shard"(o."id"), o."channel"::text, o."surveyId", o."segment", o."regionId", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome"::text, -1))
                            AS m(org, shard, chan, survey, seg, region, created, cause, contacted, due, outcome, delta)
                      WHERE (n."organizationId", n."channel", n."surveyId", n."segment", n."regionId", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome")
                            IS DISTINCT FROM (o."organizationId", o."channel", o."surveyId", o."segment", o."regionId", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome")) AS c) a;
  END IF;
  RETURN NULL;
END $$;

-- The follow-ups' rows under ("region", regionId), a month of follow-ups at a time through the deltas above (the
-- other keys' rows are there already).

DO $$
DECLARE
  month timestamp;
BEGIN
  FOR month IN SELECT DISTINCT date_trunc('month', "createdAt") FROM "FollowUp" WHERE "regionId" IS NOT NULL ORDER BY 1 LOOP
    WITH a AS MATERIALIZED (
      SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("channel"::text) ch, array_agg("surveyId") su,
             array_agg("segment") se, array_agg("regionId") re, array_agg("createdAt") cr, array_agg("contactedAt") co, array_agg("dueAt") du,
             array_agg("outcome"::text) oc, array_agg("rootCauseId") ca, array_agg(1) d
        FROM "FollowUp" WHERE "regionId" IS NOT NULL AND "createdAt" >= month AND "createdAt" < month + interval '1 month'
    ), minutes AS (
      INSERT INTO "FollowUpRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
      SELECT x.* FROM a, "FollowUpRollup_deltas"(1, a.o, a.s, a.ch, a.su, a.se, a.re, a.cr, a.co, a.du, a.oc, a.d) AS x
       WHERE x."filter" = 'region' AND x."bucket" >= 0
      ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard") DO UPDATE SET
        "opened" = r."opened" + EXCLUDED."opened", "slaMet" = r."slaMet" + EXCLUDED."slaMet", "resolved" = r."resolved" + EXCLUDED."resolved",
        "notResolved" = r."notResolved" + EXCLUDED."notResolved", "unreachable" = r."unreachable" + EXCLUDED."unreachable"
    ), hours AS (
      INSERT INTO "FollowUpHourRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
      SELECT x.* FROM a, "FollowUpRollup_deltas"(60, a.o, a.s, a.ch, a.su, a.se, a.re, a.cr, a.co, a.du, a.oc, a.d) AS x
       WHERE x."filter" = 'region'
      ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard") DO UPDATE SET
        "opened" = r."opened" + EXCLUDED."opened", "slaMet" = r."slaMet" + EXCLUDED."slaMet", "resolved" = r."resolved" + EXCLUDED."resolved",
        "notResolved" = r."notResolved" + EXCLUDED."notResolved", "unreachable" = r."unreachable" + EXCLUDED."unreachable"
    )
    INSERT INTO "RootCauseRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
    SELECT x.* FROM a, "RootCauseRollup_deltas"(a.o, a.s, a.ch, a.su, a.se, a.re, a.cr, a.ca, a.d) AS x
     WHERE x."filter" = 'region'
    ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard") DO UPDATE SET "followUps" = r."followUps" + EXCLUDED."followUps";
  END LOOP;
END $$;
