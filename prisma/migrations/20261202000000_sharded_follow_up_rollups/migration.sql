-- The follow-up rollups (FollowUpRollup, FollowUpHourRollup, RootCauseRollup) are tenant-wide: every new detractor
-- of a tenant adds to the same few rows (today's "not contacted yet" per grain), and a row an uncommitted click has
-- updated stays locked through that click's commit and WAL flush. Under a few hundred clicks a second the clicks
-- queued on those rows one flush at a time (bench:clicks: stalls of 0.1–0.5 s behind Lock:transactionid).
--
-- Each row is now split into 16 shards. A follow-up always counts in the same shard, FollowUp_rollup_shard(its id),
-- so whatever moves it later (first contact, outcome, root cause, deletion) takes out what it put in from that very
-- row: a shard equals a recount of its own follow-ups, rows never go negative and rows at zero are removed, as
-- before. Concurrent detractors mostly land in different shards. Readers sum over the shards (they already sum over
-- periods).

CREATE FUNCTION "FollowUp_rollup_shard"(id text) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (get_byte(decode(md5(id), 'hex'), 0) % 16)::smallint
$$;

DROP FUNCTION "FollowUpRollup_apply"(text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpRollup_deltas"(text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpHourRollup_apply"(text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "FollowUpHourRollup_deltas"(text[], timestamp(3)[], timestamp(3)[], timestamp(3)[], text[], int[]);
DROP FUNCTION "RootCauseRollup_apply"(text[], timestamp(3)[], text[], int[]);
DROP FUNCTION "RootCauseRollup_deltas"(text[], timestamp(3)[], text[], int[]);

-- Refilled below, shard by shard.
TRUNCATE "FollowUpRollup", "FollowUpHourRollup", "RootCauseRollup";
ALTER TABLE "FollowUpRollup" ADD COLUMN "shard" SMALLINT NOT NULL DEFAULT 0,
  DROP CONSTRAINT "FollowUpRollup_pkey",
  ADD CONSTRAINT "FollowUpRollup_pkey" PRIMARY KEY ("organizationId", "grain", "periodStart", "minutesToFirstContact", "shard");
ALTER TABLE "FollowUpHourRollup" ADD COLUMN "shard" SMALLINT NOT NULL DEFAULT 0,
  DROP CONSTRAINT "FollowUpHourRollup_pkey",
  ADD CONSTRAINT "FollowUpHourRollup_pkey" PRIMARY KEY ("organizationId", "grain", "periodStart", "hoursToFirstContact", "shard");
ALTER TABLE "RootCauseRollup" ADD COLUMN "shard" SMALLINT NOT NULL DEFAULT 0,
  DROP CONSTRAINT "RootCauseRollup_pkey",
  ADD CONSTRAINT "RootCauseRollup_pkey" PRIMARY KEY ("organizationId", "grain", "periodStart", "rootCauseId", "shard");

-- FollowUpRollup (minutes) and FollowUpHourRollup (hours) count the same things by a different bucket: `per` is the
-- bucket's width in minutes (1 or 60).
CREATE FUNCTION "FollowUpRollup_deltas"(per int, org text[], shards smallint[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "bucket" int, "shard" smallint,
               "opened" int, "slaMet" int, "resolved" int, "notResolved" int, "unreachable" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, g.grain, date_trunc(g.grain::text, c.created)::date,
           CASE WHEN c.contacted IS NULL THEN -1
                ELSE GREATEST(0, floor(extract(epoch FROM c.contacted - c.created) / 60))::int / per END,
           c.shard,
           sum(c.delta)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.contacted <= c.due), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'not_resolved'), 0)::int,
           COALESCE(sum(c.delta) FILTER (WHERE c.outcome = 'unreachable'), 0)::int
      FROM unnest(org, shards, created, contacted, due, outcome, delta) AS c(org, shard, created, contacted, due, outcome, delta)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5
  ) AS d("organizationId", "grain", "periodStart", "bucket", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  WHERE d."opened" <> 0 OR d."slaMet" <> 0 OR d."resolved" <> 0 OR d."notResolved" <> 0 OR d."unreachable" <> 0
$$;

-- As before: gains are upserted in key order, losses only update, rows at zero are removed.
CREATE FUNCTION "FollowUpRollup_apply"(org text[], shards smallint[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpRollup" AS r ("organizationId", "grain", "periodStart", "minutesToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(1, org, shards, created, contacted, due, outcome, delta) AS d
   WHERE d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("organizationId", "grain", "periodStart", "minutesToFirstContact", "shard") DO UPDATE SET
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
      FROM "FollowUpRollup_deltas"(1, org, shards, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."bucket" AND r."shard" = d."shard" AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpRollup" AS r
     USING "FollowUpRollup_deltas"(1, org, shards, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."minutesToFirstContact" = d."bucket" AND r."shard" = d."shard" AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE FUNCTION "FollowUpHourRollup_apply"(org text[], shards smallint[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "FollowUpHourRollup" AS r ("organizationId", "grain", "periodStart", "hoursToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  SELECT d.* FROM "FollowUpRollup_deltas"(60, org, shards, created, contacted, due, outcome, delta) AS d
   WHERE d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("organizationId", "grain", "periodStart", "hoursToFirstContact", "shard") DO UPDATE SET
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
      FROM "FollowUpRollup_deltas"(60, org, shards, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."bucket" AND r."shard" = d."shard" AND NOT (d."opened" > 0 OR d."slaMet" > 0 OR d."resolved" > 0 OR d."notResolved" > 0 OR d."unreachable" > 0);
    DELETE FROM "FollowUpHourRollup" AS r
     USING "FollowUpRollup_deltas"(60, org, shards, created, contacted, due, outcome, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."hoursToFirstContact" = d."bucket" AND r."shard" = d."shard" AND r."opened" = 0 AND r."slaMet" = 0 AND r."resolved" = 0 AND r."notResolved" = 0 AND r."unreachable" = 0;
  END IF;
END $$;

CREATE FUNCTION "RootCauseRollup_deltas"(org text[], shards smallint[], created timestamp(3)[], cause text[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "rootCauseId" text, "shard" smallint, "followUps" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, g.grain, date_trunc(g.grain::text, c.created)::date, COALESCE(c.cause, ''), c.shard, sum(c.delta)::int
      FROM unnest(org, shards, created, cause, delta) AS c(org, shard, created, cause, delta)
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5
  ) AS d("organizationId", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  WHERE d."followUps" <> 0
$$;

CREATE FUNCTION "RootCauseRollup_apply"(org text[], shards smallint[], created timestamp(3)[], cause text[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org IS NULL THEN RETURN; END IF;
  INSERT INTO "RootCauseRollup" AS r ("organizationId", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  SELECT d.* FROM "RootCauseRollup_deltas"(org, shards, created, cause, delta) AS d WHERE d."followUps" > 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("organizationId", "grain", "periodStart", "rootCauseId", "shard") DO UPDATE SET "followUps" = r."followUps" + EXCLUDED."followUps";
  IF EXISTS (SELECT 1 FROM unnest(delta) AS x(delta) WHERE x.delta < 0) THEN
    UPDATE "RootCauseRollup" AS r SET "followUps" = r."followUps" + d."followUps"
      FROM "RootCauseRollup_deltas"(org, shards, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."shard" = d."shard" AND d."followUps" < 0;
    DELETE FROM "RootCauseRollup" AS r
     USING "RootCauseRollup_deltas"(org, shards, created, cause, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."rootCauseId" = d."rootCauseId" AND r."shard" = d."shard" AND r."followUps" = 0;
  END IF;
END $$;

-- One trigger function for the three: the rollups' former two (FollowUp_rollup, FollowUp_summary_rollup) each read
-- the transition tables. On update only the follow-ups whose counted columns changed count (old out, new in).
CREATE FUNCTION "FollowUp_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "FollowUpRollup_apply"(o, s, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, cr, co, du, oc, d), "RootCauseRollup_apply"(o, s, cr, ca, d)
       FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("createdAt") cr, array_agg("contactedAt") co,
                    array_agg("dueAt") du, array_agg("outcome"::text) oc, array_agg("rootCauseId") ca, array_agg(1) d FROM new_rows) a;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "FollowUpRollup_apply"(o, s, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, cr, co, du, oc, d), "RootCauseRollup_apply"(o, s, cr, ca, d)
       FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("createdAt") cr, array_agg("contactedAt") co,
                    array_agg("dueAt") du, array_agg("outcome"::text) oc, array_agg("rootCauseId") ca, array_agg(-1) d FROM old_rows) a;
  ELSE
    PERFORM "FollowUpRollup_apply"(o, s, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, cr, co, du, oc, d), "RootCauseRollup_apply"(o, s, cr, ca, d)
       FROM (SELECT array_agg(c.org) o, array_agg(c.shard) s, array_agg(c.created) cr, array_agg(c.contacted) co, array_agg(c.due) du,
                    array_agg(c.outcome) oc, array_agg(c.cause) ca, array_agg(c.delta) d
               FROM (SELECT m.*
                       FROM new_rows n JOIN old_rows o ON o."id" = n."id"
                      CROSS JOIN LATERAL (VALUES
                              (n."organizationId", "FollowUp_rollup_shard"(n."id"), n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome"::text, 1),
                              (o."organizationId", "FollowUp_rollup_shard"(o."id"), o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome"::text, -1))
                            AS m(org, shard, created, cause, contacted, due, outcome, delta)
                      WHERE (n."organizationId", n."createdAt", n."rootCauseId", n."contactedAt", n."dueAt", n."outcome")
                            IS DISTINCT FROM (o."organizationId", o."createdAt", o."rootCauseId", o."contactedAt", o."dueAt", o."outcome")) AS c) a;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "FollowUp_rollup_insert" ON "FollowUp";
DROP TRIGGER "FollowUp_rollup_update" ON "FollowUp";
DROP TRIGGER "FollowUp_rollup_delete" ON "FollowUp";
DROP TRIGGER "FollowUp_summary_rollup_insert" ON "FollowUp";
DROP TRIGGER "FollowUp_summary_rollup_update" ON "FollowUp";
DROP TRIGGER "FollowUp_summary_rollup_delete" ON "FollowUp";
DROP FUNCTION "FollowUp_rollup"();
DROP FUNCTION "FollowUp_summary_rollup"();
CREATE TRIGGER "FollowUp_rollups_insert" AFTER INSERT ON "FollowUp" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollups"();
CREATE TRIGGER "FollowUp_rollups_update" AFTER UPDATE ON "FollowUp" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollups"();
CREATE TRIGGER "FollowUp_rollups_delete" AFTER DELETE ON "FollowUp" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "FollowUp_rollups"();

SELECT "FollowUpRollup_apply"(o, s, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, cr, co, du, oc, d), "RootCauseRollup_apply"(o, s, cr, ca, d)
  FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("createdAt") cr, array_agg("contactedAt") co,
               array_agg("dueAt") du, array_agg("outcome"::text) oc, array_agg("rootCauseId") ca, array_agg(1) d FROM "FollowUp") a;
