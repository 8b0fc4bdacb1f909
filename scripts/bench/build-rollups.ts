import type pg from "pg";

// seed:large loads its rows with the triggers off (a COPY of millions of rows would otherwise upsert the rollups
// once per batch, rewriting each month's and week's rows hundreds of times), then fills every rollup here, a
// calendar month of rows at a time, through the triggers' own functions (prisma/triggers.sql) with the rows an
// INSERT trigger would have handed them. Each month's day and month rows are then written once; only the weeks
// that straddle two months are added to. The figures are the triggers' figures by construction.

/** One statement per family of rollups for the rows whose time falls in [$1, $2). */
const MONTH_OF = {
  feedback: `
    SELECT "FeedbackRollup_apply"(array_agg(o), array_agg(at), array_agg(store), array_agg(survey), array_agg(chan), array_agg(seg), array_agg(kind), array_agg(1))
      FROM (SELECT "organizationId" o, "respondedAt" at, "storeId" store, "surveyId" survey, "channel" chan, "segment" seg, "score"::int kind
              FROM "Response" WHERE "respondedAt" >= $1 AND "respondedAt" < $2
            UNION ALL
            SELECT "organizationId", "sentAt", "storeId", "surveyId", "channel", "segment", -1
              FROM "SurveySend" WHERE "status" = 'sent' AND "sentAt" >= $1 AND "sentAt" < $2) c`,
  themes: `
    SELECT "ThemeRollup_apply"(array_agg(o), array_agg(at), array_agg(store), array_agg(theme), array_agg(survey), array_agg(chan), array_agg(seg), array_agg(cat), array_agg(1))
      FROM (SELECT "organizationId" o, "respondedAt" at, "storeId" store, "themeId" theme, "surveyId" survey, "channel" chan, "segment" seg, "category" cat
              FROM "ResponseTheme" WHERE "respondedAt" >= $1 AND "respondedAt" < $2
            UNION ALL
            SELECT "organizationId", "respondedAt", "storeId", '', "surveyId", "channel", "segment", "category"
              FROM "Response" WHERE "comment" IS NOT NULL AND "respondedAt" >= $1 AND "respondedAt" < $2) c`,
  followUps: `
    SELECT "FollowUpRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d), "FollowUpHourRollup_apply"(o, s, ch, su, se, re, cr, co, du, oc, d),
           "RootCauseRollup_apply"(o, s, ch, su, se, re, cr, ca, d)
      FROM (SELECT array_agg("organizationId") o, array_agg("FollowUp_rollup_shard"("id")) s, array_agg("channel"::text) ch, array_agg("surveyId") su,
                   array_agg("segment") se, array_agg("regionId") re, array_agg("createdAt") cr, array_agg("contactedAt") co, array_agg("dueAt") du, array_agg("outcome"::text) oc,
                   array_agg("rootCauseId") ca, array_agg(1) d
              FROM "FollowUp" WHERE "createdAt" >= $1 AND "createdAt" < $2) a`,
};

/** Fills every rollup from all the rows loaded; `progress` hears of each month as it starts and when all are done. */
export async function buildRollups(client: pg.Client, progress: (monthsDone: number, months: number) => void) {
  const { rows } = await client.query<{ from: Date; to: Date }>(`
    SELECT least((SELECT min("sentAt") FROM "SurveySend"), (SELECT min("respondedAt") FROM "Response")) AS "from",
           greatest((SELECT max("sentAt") FROM "SurveySend"), (SELECT max("respondedAt") FROM "Response")) AS "to"`);
  const { from, to } = rows[0]!;
  if (!from || !to) return;
  const months: Date[] = [];
  for (let month = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); month <= to; month = monthAfter(month)) months.push(month);
  for (const [i, start] of months.entries()) {
    progress(i, months.length);
    for (const sql of Object.values(MONTH_OF)) await client.query(sql, [start.toISOString(), monthAfter(start).toISOString()]);
  }
  progress(months.length, months.length);
}

const monthAfter = (month: Date) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
