-- Coarser rollups beside FeedbackRollup, so that a view reads only as many rows as answer it. FeedbackRollup has a
-- row per store, survey, channel and segment, so a view of the whole tenant read stores × segments × … rows per
-- period: at 2,000 stores and five years, hundreds of thousands.
--   TenantFeedbackRollup: the whole tenant (every store and online) per survey, channel and segment; a view not
--     limited to stores reads its totals, breakdowns and trend from a few rows per period.
--   StoreFeedbackRollup: one row per store and period, all surveys, channels and segments together; the store
--     leaderboard of a view with no other filter reads one row per store and period.
-- Both are kept by FeedbackRollup_apply from the same net deltas as FeedbackRollup, in the same transaction, so they
-- are always FeedbackRollup summed over the keys they leave out.

-- CreateTable
CREATE TABLE "TenantFeedbackRollup" (
    "organizationId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
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

    CONSTRAINT "TenantFeedbackRollup_pkey" PRIMARY KEY ("organizationId","grain","periodStart","surveyId","channel","segment")
);

-- CreateTable
CREATE TABLE "StoreFeedbackRollup" (
    "organizationId" TEXT NOT NULL,
    "grain" "RollupGrain" NOT NULL,
    "periodStart" DATE NOT NULL,
    "storeId" TEXT NOT NULL,
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

    CONSTRAINT "StoreFeedbackRollup_pkey" PRIMARY KEY ("organizationId","grain","periodStart","storeId")
);

-- AddForeignKey
ALTER TABLE "TenantFeedbackRollup" ADD CONSTRAINT "TenantFeedbackRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreFeedbackRollup" ADD CONSTRAINT "StoreFeedbackRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot state.

-- FeedbackRollup's net deltas summed over stores: the whole tenant's, per survey, channel and segment.
CREATE FUNCTION "TenantFeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "surveyId" text, "channel" "Channel", "segment" text, "sent" int, "score0" int, "score1" int, "score2" int, "score3" int, "score4" int, "score5" int, "score6" int, "score7" int, "score8" int, "score9" int, "score10" int)
LANGUAGE sql STABLE AS $$
  SELECT d."organizationId", d."grain", d."periodStart", d."surveyId", d."channel", d."segment", sum(d."sent")::int, sum(d."score0")::int, sum(d."score1")::int, sum(d."score2")::int, sum(d."score3")::int, sum(d."score4")::int, sum(d."score5")::int, sum(d."score6")::int, sum(d."score7")::int, sum(d."score8")::int, sum(d."score9")::int, sum(d."score10")::int
    FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d."sent") <> 0 OR sum(d."score0") <> 0 OR sum(d."score1") <> 0 OR sum(d."score2") <> 0 OR sum(d."score3") <> 0 OR sum(d."score4") <> 0 OR sum(d."score5") <> 0 OR sum(d."score6") <> 0 OR sum(d."score7") <> 0 OR sum(d."score8") <> 0 OR sum(d."score9") <> 0 OR sum(d."score10") <> 0
$$;

-- FeedbackRollup's net deltas summed over survey, channel and segment, for sends and responses in a store (online
-- ones, storeId '', have no line on a store leaderboard).
CREATE FUNCTION "StoreFeedbackRollup_deltas"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[])
RETURNS TABLE ("organizationId" text, "grain" "RollupGrain", "periodStart" date, "storeId" text, "sent" int, "score0" int, "score1" int, "score2" int, "score3" int, "score4" int, "score5" int, "score6" int, "score7" int, "score8" int, "score9" int, "score10" int)
LANGUAGE sql STABLE AS $$
  SELECT d."organizationId", d."grain", d."periodStart", d."storeId", sum(d."sent")::int, sum(d."score0")::int, sum(d."score1")::int, sum(d."score2")::int, sum(d."score3")::int, sum(d."score4")::int, sum(d."score5")::int, sum(d."score6")::int, sum(d."score7")::int, sum(d."score8")::int, sum(d."score9")::int, sum(d."score10")::int
    FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
   WHERE d."storeId" <> ''
   GROUP BY 1, 2, 3, 4
  HAVING sum(d."sent") <> 0 OR sum(d."score0") <> 0 OR sum(d."score1") <> 0 OR sum(d."score2") <> 0 OR sum(d."score3") <> 0 OR sum(d."score4") <> 0 OR sum(d."score5") <> 0 OR sum(d."score6") <> 0 OR sum(d."score7") <> 0 OR sum(d."score8") <> 0 OR sum(d."score9") <> 0 OR sum(d."score10") <> 0
$$;

-- As in 20261123100000_analytics, now for the three rollups: keys that gain something are upserted in key order (so
-- concurrent writers lock rows in the same order), keys that only lose are updated, never inserted, and rows that
-- reach zero are removed. The gains, all a click ever has, are one statement over deltas computed once: a click's
-- cost is mostly per statement.
CREATE OR REPLACE FUNCTION "FeedbackRollup_apply"(org text[], at timestamp(3)[], store text[], survey text[], chan "Channel"[], seg text[], kind int[], delta int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS MATERIALIZED (SELECT * FROM "FeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta)),
  tenant_deltas AS (SELECT d."organizationId", d."grain", d."periodStart", d."surveyId", d."channel", d."segment", sum(d."sent")::int AS "sent", sum(d."score0")::int AS "score0", sum(d."score1")::int AS "score1", sum(d."score2")::int AS "score2", sum(d."score3")::int AS "score3", sum(d."score4")::int AS "score4", sum(d."score5")::int AS "score5", sum(d."score6")::int AS "score6", sum(d."score7")::int AS "score7", sum(d."score8")::int AS "score8", sum(d."score9")::int AS "score9", sum(d."score10")::int AS "score10" FROM d GROUP BY 1, 2, 3, 4, 5, 6),
  store_deltas AS (SELECT d."organizationId", d."grain", d."periodStart", d."storeId", sum(d."sent")::int AS "sent", sum(d."score0")::int AS "score0", sum(d."score1")::int AS "score1", sum(d."score2")::int AS "score2", sum(d."score3")::int AS "score3", sum(d."score4")::int AS "score4", sum(d."score5")::int AS "score5", sum(d."score6")::int AS "score6", sum(d."score7")::int AS "score7", sum(d."score8")::int AS "score8", sum(d."score9")::int AS "score9", sum(d."score10")::int AS "score10" FROM d WHERE d."storeId" <> '' GROUP BY 1, 2, 3, 4),
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
  INSERT INTO "StoreFeedbackRollup" AS r ("organizationId", "grain", "periodStart", "storeId", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
       SELECT d.* FROM store_deltas AS d
        WHERE d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0
        ORDER BY 1, 2, 3, 4
       ON CONFLICT ("organizationId", "grain", "periodStart", "storeId") DO UPDATE SET
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
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."storeId" = d."storeId" AND NOT (d."sent" > 0 OR d."score0" > 0 OR d."score1" > 0 OR d."score2" > 0 OR d."score3" > 0 OR d."score4" > 0 OR d."score5" > 0 OR d."score6" > 0 OR d."score7" > 0 OR d."score8" > 0 OR d."score9" > 0 OR d."score10" > 0);
    DELETE FROM "StoreFeedbackRollup" AS r
     USING "StoreFeedbackRollup_deltas"(org, at, store, survey, chan, seg, kind, delta) AS d
     WHERE r."organizationId" = d."organizationId" AND r."grain" = d."grain" AND r."periodStart" = d."periodStart" AND r."storeId" = d."storeId" AND r."sent" = 0 AND r."score0" = 0 AND r."score1" = 0 AND r."score2" = 0 AND r."score3" = 0 AND r."score4" = 0 AND r."score5" = 0 AND r."score6" = 0 AND r."score7" = 0 AND r."score8" = 0 AND r."score9" = 0 AND r."score10" = 0;
  END IF;
END $$;

-- The existing counts, summed from FeedbackRollup (exact, kept by the same triggers until now).
INSERT INTO "TenantFeedbackRollup" ("organizationId", "grain", "periodStart", "surveyId", "channel", "segment", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
SELECT r."organizationId", r."grain", r."periodStart", r."surveyId", r."channel", r."segment", sum(r."sent")::int, sum(r."score0")::int, sum(r."score1")::int, sum(r."score2")::int, sum(r."score3")::int, sum(r."score4")::int, sum(r."score5")::int, sum(r."score6")::int, sum(r."score7")::int, sum(r."score8")::int, sum(r."score9")::int, sum(r."score10")::int
  FROM "FeedbackRollup" r
 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO "StoreFeedbackRollup" ("organizationId", "grain", "periodStart", "storeId", "sent", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9", "score10")
SELECT r."organizationId", r."grain", r."periodStart", r."storeId", sum(r."sent")::int, sum(r."score0")::int, sum(r."score1")::int, sum(r."score2")::int, sum(r."score3")::int, sum(r."score4")::int, sum(r."score5")::int, sum(r."score6")::int, sum(r."score7")::int, sum(r."score8")::int, sum(r."score9")::int, sum(r."score10")::int
  FROM "FeedbackRollup" r
 WHERE r."storeId" <> ''
 GROUP BY 1, 2, 3, 4;
