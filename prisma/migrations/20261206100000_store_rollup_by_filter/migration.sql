-- The store leaderboard of a view filtered by channel, survey or segment read FeedbackRollup (store × survey ×
-- channel × segment): 26,000 rows for "in store, all time" at 1,000,000 responses and 200 stores, p95 124 ms on a
-- quiet box (docs/benchmarks.md), ten times that at 2,000 stores. StoreFeedbackRollup now keeps, beside each store's
-- rows for everything, its rows for each channel, survey and segment, as (filter, value) in the same way as the
-- follow-up rollups (migration 20261205200000_follow_up_rollups_by_filter):
--   ("", "")               every survey, channel and segment together, as before;
--   ("channel", channel)   only the sends and responses in that channel;
--   ("survey", surveyId)   … of that survey;
--   ("segment", segment)   … of that segment ("" without one).
-- A leaderboard with one of those filters then reads one row per store and period. Combinations (a channel and a
-- segment) still read FeedbackRollup. A response or a send in a store now upserts 12 StoreFeedbackRollup rows (4
-- pairs × 3 grains) instead of 3, in the same statement as before.

ALTER TABLE "StoreFeedbackRollup" ADD COLUMN "filter" TEXT NOT NULL DEFAULT '', ADD COLUMN "value" TEXT NOT NULL DEFAULT '',
  DROP CONSTRAINT "StoreFeedbackRollup_pkey",
  ADD CONSTRAINT "StoreFeedbackRollup_pkey" PRIMARY KEY ("organizationId", "filter", "value", "grain", "periodStart", "storeId");

-- Hand-written: what Prisma's schema language cannot state.

-- The rows of each filter, from FeedbackRollup (which the store rows have always been the sum of), in key order so
-- that the rows of one filter lie together.
INSERT INTO "StoreFeedbackRollup" ("organizationId", "filter", "value", "grain", "periodStart", "storeId", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
SELECT r."organizationId", k."filter", k."value", r."grain", r."periodStart", r."storeId", sum("sent")::int, sum("score0")::int, sum("score1")::int, sum("score2")::int, sum("score3")::int, sum("score4")::int, sum("score5")::int, sum("score6")::int, sum("score7")::int, sum("score8")::int, sum("score9")::int, sum("score10")::int
  FROM "FeedbackRollup" r
 CROSS JOIN LATERAL "FollowUp_rollup_keys"(r."channel"::text, r."surveyId", r."segment") AS k
 WHERE r."storeId" <> '' AND k."filter" <> ''
 GROUP BY 1, 2, 3, 4, 5, 6
 ORDER BY 1, 2, 3, 4, 5, 6;

-- FeedbackRollup's net deltas summed per store for each (filter, value) (FollowUp_rollup_keys names the four).
DROP FUNCTION "StoreFeedbackRollup_deltas"(text[], timestamp(3)[], text[], text[], "Channel"[], text[], int[], int[]);
CREATE FUNCTION "StoreFeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
RETURNS TABLE ("organizationId" text, "filter" text, "value" text, "grain" "RollupGrain", "periodStart" date, "storeId" text, "sent" int, "score0" int, "score1" int, "score2" int, "score3" int, "score4" int, "score5" int, "score6" int, "score7" int, "score8" int, "score9" int, "score10" int)
LANGUAGE sql STABLE AS $$
  SELECT d."organizationId", k."filter", k."value", d."grain", d."periodStart", d."storeId", sum(d."sent")::int, sum(d."score0")::int, sum(d."score1")::int, sum(d."score2")::int, sum(d."score3")::int, sum(d."score4")::int, sum(d."score5")::int, sum(d."score6")::int, sum(d."score7")::int, sum(d."score8")::int, sum(d."score9")::int, sum(d."score10")::int
    FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
   CROSS JOIN LATERAL "FollowUp_rollup_keys"(d."channel"::text, d."surveyId", d."segment") AS k
   WHERE d."storeId" <> ''
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d."sent") <> 0 OR sum(d."score0") <> 0 OR sum(d."score1") <> 0 OR sum(d."score2") <> 0 OR sum(d."score3") <> 0 OR sum(d."score4") <> 0 OR sum(d."score5") <> 0 OR sum(d."score6") <> 0 OR sum(d."score7") <> 0 OR sum(d."score8") <> 0 OR sum(d."score9") <> 0 OR sum(d."score10") <> 0
$$;

-- As in 20261204110000_coarse_feedback_rollups, with the store rows per (filter, value).
CREATE OR REPLACE FUNCTION "FeedbackRollup_apply"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS MATERIALIZED (SELECT * FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta)),
  tenant_deltas AS (SELECT d."organizationId", d."grain", d."periodStart", d."surveyId", d."channel", d."segment", sum(d."sent")::int AS "sent", sum(d."score0")::int AS "score0", sum(d."score1")::int AS "score1", sum(d."score2")::int AS "score2", sum(d."score3")::int AS "score3", sum(d."score4")::int AS "score4", sum(d."score5")::int AS "score5", sum(d."score6")::int AS "score6", sum(d."score7")::int AS "score7", sum(d."score8")::int AS "score8", sum(d."score9")::int AS "score9", sum(d."score10")::int AS "score10" FROM d GROUP BY 1, 2, 3, 4, 5, 6),
  store_deltas AS (SELECT d."organizationId", k."filter", k."value", d."grain", d."periodStart", d."storeId", sum(d."sent")::int AS "sent", sum(d."score0")::int AS "score0", sum(d."score1")::int AS "score1", sum(d."score2")::int AS "score2", sum(d."score3")::int AS "score3", sum(d."score4")::int AS "score4", sum(d."score5")::int AS "score5", sum(d."score6")::int AS "score6", sum(d."score7")::int AS "score7", sum(d."score8")::int AS "score8", sum(d."score9")::int AS "score9", sum(d."score10")::int AS "score10" FROM d CROSS JOIN LATERAL "FollowUp_rollup_keys"(d."channel"::text, d."surveyId", d."segment") AS k WHERE d."storeId" <> '' GROUP BY 1, 2, 3, 4, 5, 6),
  f AS (INSERT INTO "FeedbackRollup" AS r ("organizationId", "grain", "periodStart", "storeId", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
       SELECT d.* FROM d AS d
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
        "score10" = r."score10" + EXCLUDED."score10"),
  t AS (INSERT INTO "TenantFeedbackRollup" AS r ("organizationId", "grain", "periodStart", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
       SELECT d.* FROM tenant_deltas AS d
        WHERE d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0
        ORDER BY 1, 2, 3, 4, 5, 6
       ON CONFLICT ("organizationId", "grain", "periodStart", "surveyId", "channel", "segment") DO UPDATE SET
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
        "score10" = r."score10" + EXCLUDED."score10")
  INSERT INTO "StoreFeedbackRollup" AS r ("organizationId", "filter", "value", "grain", "periodStart", "storeId", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
       SELECT d.* FROM store_deltas AS d
        WHERE d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0
        ORDER BY 1, 2, 3, 4, 5, 6
       ON CONFLICT ("organizationId", "filter", "value", "grain", "periodStart", "storeId") DO UPDATE SET
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
    UPDATE "TenantFeedbackRollup" AS r SET
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
      FROM "TenantFeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."surveyId" = d."surveyId" AND r."channel" = d."channel" AND r."segment" = d."segment" AND NOT (d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0);
    DELETE FROM "TenantFeedbackRollup" AS r
     USING "TenantFeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."surveyId" = d."surveyId" AND r."channel" = d."channel" AND r."segment" = d."segment" AND r."sent" = 0 AND r."score0" = 0 AND r."score1" = 0 AND r."score2" = 0 AND r."score3" = 0 AND r."score4" = 0 AND r."score5" = 0 AND r."score6" = 0 AND r."score7" = 0 AND r."score8" = 0 AND r."score9" = 0 AND r."score10" = 0;
    UPDATE "StoreFeedbackRollup" AS r SET
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
      FROM "StoreFeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."storeId" = d."storeId" AND NOT (d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0);
    DELETE FROM "StoreFeedbackRollup" AS r
     USING "StoreFeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."filter" = d."filter" AND r."value" = d."value" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."storeId" = d."storeId" AND r."sent" = 0 AND r."score0" = 0 AND r."score1" = 0 AND r."score2" = 0 AND r."score3" = 0 AND r."score4" = 0 AND r."score5" = 0 AND r."score6" = 0 AND r."score7" = 0 AND r."score8" = 0 AND r."score9" = 0 AND r."score10" = 0;
  END IF;
END $$;
