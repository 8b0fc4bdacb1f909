-- A detractor's click writes its response and follow-up in one statement (lib/responses/first-click.ts). The
-- response's rollup rows are shared by every click of the store and day, so a click holds them, locked, from their
-- upsert to its commit, and the store's other clicks queue behind it. Statement-level AFTER triggers fire in the
-- order their statements ran, the response's first: the follow-up's rollups (their rows sharded, rarely waited for)
-- were written while the response's rows were held. Counted by a BEFORE INSERT row trigger, a follow-up is written
-- to its rollups as it is inserted, before the response's rows are touched, which leaves them held only for their own
-- upsert and the commit. Its minutes and root cause rows are written only when it has them (a new follow-up is
-- seldom contacted or caused). Updates and deletes keep the statement trigger, now without its insert branch.

-- The follow-up's keys are on NEW by now: BEFORE triggers fire in name order, FollowUp_copy_region and
-- FollowUp_copy_response before this one.
CREATE OR REPLACE FUNCTION "FollowUp_rollups_insert_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o text[] := ARRAY[NEW."organizationId"];
  s smallint[] := ARRAY["FollowUp_rollup_shard"(NEW."id")];
  ch text[] := ARRAY[NEW."channel"::text];
  su text[] := ARRAY[NEW."surveyId"];
  se text[] := ARRAY[NEW."segment"];
  re text[] := ARRAY[NEW."regionId"];
  cr timestamp(3)[] := ARRAY[NEW."createdAt"];
  co timestamp(3)[] := ARRAY[NEW."contactedAt"];
  du timestamp(3)[] := ARRAY[NEW."dueAt"];
  oc text[] := ARRAY[NEW."outcome"::text];
  d int[] := ARRAY[1];
BEGIN
  PERFORM "FollowUpHourRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d);
  IF NEW."contactedAt" IS NOT NULL THEN
    PERFORM "FollowUpRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d);
  END IF;
  IF NEW."rootCauseId" IS NOT NULL THEN
    PERFORM "RootCauseRollup_apply"(o, s, ch, su, se, re, cr, ARRAY[NEW."rootCauseId"], d);
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER "FollowUp_rollups_insert" ON "FollowUp";
CREATE TRIGGER "FollowUp_rollups_insert" BEFORE INSERT ON "FollowUp"
  FOR EACH ROW EXECUTE FUNCTION "FollowUp_rollups_insert_row"();

-- As in 20261207120000_follow_up_rollups_by_region, without the insert branch.
CREATE OR REPLACE FUNCTION "FollowUp_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
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
