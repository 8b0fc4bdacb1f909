-- The dashboard read a range as months, weeks and days at its edges: "all time" over five years was 60 month rows
-- per store (136,000 rows for 2,000 stores, p95 177 ms at 10,000,000 responses, docs/benchmarks.md), and the 90 days
-- to today ~26 rows per store for the edges. The feedback and follow-up rollups now also keep a row per calendar year
-- (UTC), and the readers take a range as signed periods (lib/analytics/period-cover.ts): whole years and months, and
-- at an edge either the finer periods inside the range or the whole period less those outside it, whichever holds
-- fewer rows with data. Five years to today are then five or six rows per key, the 90 days about seven.
-- Every response and send now also upserts its year's rows (one more grain in the same statement as before).
-- ThemeRollup keeps day, week and month: its readers read the tenant's "*" rows, a few per period.

CREATE OR REPLACE FUNCTION "FeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
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
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain"), ('year'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "grain", "periodStart", "storeId", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
  WHERE d."sent" <> 0 OR d."score0" <> 0 OR d."score1" <> 0 OR d."score2" <> 0 OR d."score3" <> 0 OR d."score4" <> 0 OR d."score5" <> 0 OR d."score6" <> 0 OR d."score7" <> 0 OR d."score8" <> 0 OR d."score9" <> 0 OR d."score10" <> 0
$$;

CREATE OR REPLACE FUNCTION "FollowUpRollup_deltas"(per int, org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], contacted timestamp(3)[], due timestamp(3)[], outcome text[], delta int[])
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
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain"), ('year'::"RollupGrain")) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "filter", "value", "grain", "periodStart", "bucket", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
  WHERE d."opened" <> 0 OR d."slaMet" <> 0 OR d."resolved" <> 0 OR d."notResolved" <> 0 OR d."unreachable" <> 0
$$;

CREATE OR REPLACE FUNCTION "RootCauseRollup_deltas"(org text[], shards smallint[], chan text[], survey text[], seg text[], created timestamp(3)[], cause text[], delta int[])
RETURNS TABLE ("organizationId" text, "filter" text, "value" text, "grain" "RollupGrain", "periodStart" date, "rootCauseId" text, "shard" smallint, "followUps" int)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    SELECT c.org, k."filter", k."value", g.grain, date_trunc(g.grain::text, c.created)::date, c.cause, c.shard, sum(c.delta)::int
      FROM unnest(org, shards, chan, survey, seg, created, cause, delta) AS c(org, shard, chan, survey, seg, created, cause, delta)
     CROSS JOIN LATERAL "FollowUp_rollup_keys"(c.chan, c.survey, c.seg) AS k
     CROSS JOIN (VALUES ('day'::"RollupGrain"), ('week'::"RollupGrain"), ('month'::"RollupGrain"), ('year'::"RollupGrain")) AS g(grain)
     WHERE c.cause IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS d("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
  WHERE d."followUps" <> 0
$$;

-- Unchanged, restated after the function they read, as SQL functions are checked against what exists when created.
CREATE OR REPLACE FUNCTION "TenantFeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "surveyId" text, "channel" "Channel", "segment" text, "sent" int, "score0" int, "score1" int, "score2" int, "score3" int, "score4" int, "score5" int, "score6" int, "score7" int, "score8" int, "score9" int, "score10" int)
LANGUAGE sql STABLE AS $$
  SELECT d."organizationId", d."grain", d."periodStart", d."surveyId", d."channel", d."segment", sum(d."sent")::int, sum(d."score0")::int, sum(d."score1")::int, sum(d."score2")::int, sum(d."score3")::int, sum(d."score4")::int, sum(d."score5")::int, sum(d."score6")::int, sum(d."score7")::int, sum(d."score8")::int, sum(d."score9")::int, sum(d."score10")::int
    FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d."sent") <> 0 OR sum(d."score0") <> 0 OR sum(d."score1") <> 0 OR sum(d."score2") <> 0 OR sum(d."score3") <> 0 OR sum(d."score4") <> 0 OR sum(d."score5") <> 0 OR sum(d."score6") <> 0 OR sum(d."score7") <> 0 OR sum(d."score8") <> 0 OR sum(d."score9") <> 0 OR sum(d."score10") <> 0
$$;

CREATE OR REPLACE FUNCTION "StoreFeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
RETURNS TABLE ("organizationId" text, "filter" text, "value" text, "grain" "RollupGrain", "periodStart" date, "storeId" text, "sent" int, "score0" int, "score1" int, "score2" int, "score3" int, "score4" int, "score5" int, "score6" int, "score7" int, "score8" int, "score9" int, "score10" int)
LANGUAGE sql STABLE AS $$
  SELECT d."organizationId", k."filter", k."value", d."grain", d."periodStart", d."storeId", sum(d."sent")::int, sum(d."score0")::int, sum(d."score1")::int, sum(d."score2")::int, sum(d."score3")::int, sum(d."score4")::int, sum(d."score5")::int, sum(d."score6")::int, sum(d."score7")::int, sum(d."score8")::int, sum(d."score9")::int, sum(d."score10")::int
    FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
   CROSS JOIN LATERAL "FollowUp_rollup_keys"(d."channel"::text, d."surveyId", d."segment") AS k
   WHERE d."storeId" <> ''
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d."sent") <> 0 OR sum(d."score0") <> 0 OR sum(d."score1") <> 0 OR sum(d."score2") <> 0 OR sum(d."score3") <> 0 OR sum(d."score4") <> 0 OR sum(d."score5") <> 0 OR sum(d."score6") <> 0 OR sum(d."score7") <> 0 OR sum(d."score8") <> 0 OR sum(d."score9") <> 0 OR sum(d."score10") <> 0
$$;

-- Hand-written: what Prisma's schema language cannot state.

-- The year rows of what is there: the sums of each key's month rows (every month row is inside one year), in key
-- order so that a key's years lie together.
INSERT INTO "TenantFeedbackRollup" ("organizationId", "grain", "periodStart", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
SELECT "organizationId", 'year'::"RollupGrain", date_trunc('year', "periodStart")::date, "surveyId", "channel", "segment", sum("sent")::int, sum("score0")::int, sum("score1")::int, sum("score2")::int, sum("score3")::int, sum("score4")::int, sum("score5")::int, sum("score6")::int, sum("score7")::int, sum("score8")::int, sum("score9")::int, sum("score10")::int
  FROM "TenantFeedbackRollup" WHERE "grain" = 'month'
 GROUP BY 1, 3, 4, 5, 6
 ORDER BY 1, 2, 3, 4, 5, 6;
INSERT INTO "StoreFeedbackRollup" ("organizationId", "filter", "value", "grain", "periodStart", "storeId", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
SELECT "organizationId", "filter", "value", 'year'::"RollupGrain", date_trunc('year', "periodStart")::date, "storeId", sum("sent")::int, sum("score0")::int, sum("score1")::int, sum("score2")::int, sum("score3")::int, sum("score4")::int, sum("score5")::int, sum("score6")::int, sum("score7")::int, sum("score8")::int, sum("score9")::int, sum("score10")::int
  FROM "StoreFeedbackRollup" WHERE "grain" = 'month'
 GROUP BY 1, 2, 3, 5, 6
 ORDER BY 1, 2, 3, 4, 5, 6;
INSERT INTO "FeedbackRollup" ("organizationId", "grain", "periodStart", "storeId", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
SELECT "organizationId", 'year'::"RollupGrain", date_trunc('year', "periodStart")::date, "storeId", "surveyId", "channel", "segment", sum("sent")::int, sum("score0")::int, sum("score1")::int, sum("score2")::int, sum("score3")::int, sum("score4")::int, sum("score5")::int, sum("score6")::int, sum("score7")::int, sum("score8")::int, sum("score9")::int, sum("score10")::int
  FROM "FeedbackRollup" WHERE "grain" = 'month'
 GROUP BY 1, 3, 4, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO "FollowUpHourRollup" ("organizationId", "filter", "value", "grain", "periodStart", "hoursToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
SELECT "organizationId", "filter", "value", 'year'::"RollupGrain", date_trunc('year', "periodStart")::date, "hoursToFirstContact", "shard", sum("opened")::int, sum("slaMet")::int, sum("resolved")::int, sum("notResolved")::int, sum("unreachable")::int
  FROM "FollowUpHourRollup" WHERE "grain" = 'month'
 GROUP BY 1, 2, 3, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO "FollowUpRollup" ("organizationId", "filter", "value", "grain", "periodStart", "minutesToFirstContact", "shard", "opened", "slaMet", "resolved", "notResolved", "unreachable")
SELECT "organizationId", "filter", "value", 'year'::"RollupGrain", date_trunc('year', "periodStart")::date, "minutesToFirstContact", "shard", sum("opened")::int, sum("slaMet")::int, sum("resolved")::int, sum("notResolved")::int, sum("unreachable")::int
  FROM "FollowUpRollup" WHERE "grain" = 'month'
 GROUP BY 1, 2, 3, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO "RootCauseRollup" ("organizationId", "filter", "value", "grain", "periodStart", "rootCauseId", "shard", "followUps")
SELECT "organizationId", "filter", "value", 'year'::"RollupGrain", date_trunc('year', "periodStart")::date, "rootCauseId", "shard", sum("followUps")::int
  FROM "RootCauseRollup" WHERE "grain" = 'month'
 GROUP BY 1, 2, 3, 5, 6, 7
 ORDER BY 1, 2, 3, 4, 5, 6, 7;
