import { db, Prisma } from "../db/client";
import type { ExperimentGroup } from "../generated/prisma/enums";
import type { Tenant } from "../tenancy/tenant";
import { newcombeDifference, wilsonInterval, type Difference, type Interval } from "./confidence";

export type GroupFigures = {
  group: ExperimentGroup;
  /** Detractors drawn into the group while the experiment was on. */
  assigned: number;
  resurveyed: number;
  answered: number;
  /** Answered the re-survey with a higher score than before. */
  higher: number;
  /** Answered as a passive or promoter. */
  movedUp: number;
  higherRate: number | null;
  higherInterval: Interval | null;
  movedUpRate: number | null;
  movedUpInterval: Interval | null;
};

export type ExperimentResults = {
  contacted: GroupFigures;
  holdout: GroupFigures;
  /** contacted − holdout, with Newcombe's 95% interval; null until both groups have answers. */
  higherDifference: Difference | null;
  movedUpDifference: Difference | null;
  currentHoldoutPercent: number;
};

// Among re-surveys (rs) of original responses (o): answered, scored higher, now passive or promoter (answer nr).
const RECOVERY_COUNTS = Prisma.sql`COUNT(nr."id") AS answered,
  COUNT(*) FILTER (WHERE nr."score" > o."score") AS higher,
  COUNT(*) FILTER (WHERE nr."category" <> 'detractor') AS moved_up`;

type Row = { group: ExperimentGroup; assigned: bigint; resurveyed: bigint; answered: bigint; higher: bigint; moved_up: bigint };

/**
 * Recovery of contacted versus holdout detractors: among those who answered their re-survey, the share who scored
 * higher than before, and the share who are now passives or promoters. Only detractors drawn while the holdout
 * share was above 0 count, so both groups come from the same weeks.
 */
export async function getExperimentResults(tenant: Tenant): Promise<ExperimentResults> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT h."group",
           COUNT(*) AS assigned,
           COUNT(rs."sentAt") AS resurveyed,
           ${RECOVERY_COUNTS}
      FROM "HoldoutAssignment" h
      JOIN "Response" o ON o."id" = h."responseId" AND o."organizationId" = h."organizationId"
      LEFT JOIN "Resurvey" rs ON rs."responseId" = h."responseId" AND rs."organizationId" = h."organizationId"
      LEFT JOIN "Response" nr ON nr."surveySendId" = rs."surveySendId" AND nr."organizationId" = rs."organizationId"
     WHERE h."organizationId" = ${tenant.organizationId} AND h."holdoutPercent" > 0
     GROUP BY h."group"`;
  const survey = await db.survey.findFirst({
    where: { organizationId: tenant.organizationId },
    orderBy: { createdAt: "asc" },
    select: { holdoutPercent: true },
  });
  const contacted = figuresOf("contacted", rows);
  const holdout = figuresOf("holdout", rows);
  return {
    contacted,
    holdout,
    higherDifference: newcombeDifference(contacted.higher, contacted.answered, holdout.higher, holdout.answered),
    movedUpDifference: newcombeDifference(contacted.movedUp, contacted.answered, holdout.movedUp, holdout.answered),
    currentHoldoutPercent: survey?.holdoutPercent ?? 0,
  };
}

function figuresOf(group: ExperimentGroup, rows: Row[]): GroupFigures {
  const row = rows.find((candidate) => candidate.group === group);
  const [assigned, resurveyed, answered, higher, movedUp] = [row?.assigned, row?.resurveyed, row?.answered, row?.higher, row?.moved_up].map(Number);
  const rate = (x: number) => (answered > 0 ? x / answered : null);
  return {
    group,
    assigned: assigned || 0,
    resurveyed: resurveyed || 0,
    answered: answered || 0,
    higher: higher || 0,
    movedUp: movedUp || 0,
    higherRate: rate(higher || 0),
    higherInterval: wilsonInterval(higher || 0, answered || 0),
    movedUpRate: rate(movedUp || 0),
    movedUpInterval: wilsonInterval(movedUp || 0, answered || 0),
  };
}

export type RecoverySummary = { resurveyed: number; answered: number; recovered: number; nowPassiveOrPromoter: number; interval: Interval | null };

/**
 * Recovery of every contacted detractor whose re-survey went out, experiment or not: the headline "x of y who
 * answered scored higher", with its Wilson interval.
 */
export async function getRecoverySummary(tenant: Tenant): Promise<RecoverySummary> {
  const rows = await db.$queryRaw<{ resurveyed: bigint; answered: bigint; higher: bigint; moved_up: bigint }[]>`
    SELECT COUNT(*) AS resurveyed, ${RECOVERY_COUNTS}
      FROM "Resurvey" rs
      JOIN "Response" o ON o."id" = rs."responseId" AND o."organizationId" = rs."organizationId"
      LEFT JOIN "Response" nr ON nr."surveySendId" = rs."surveySendId" AND nr."organizationId" = rs."organizationId"
     WHERE rs."organizationId" = ${tenant.organizationId} AND rs."group" = 'contacted'
       AND rs."sentAt" IS NOT NULL AND o."category" = 'detractor'`;
  const row = rows[0];
  const [resurveyed, answered, recovered, movedUp] = [row?.resurveyed, row?.answered, row?.higher, row?.moved_up].map((v) => Number(v ?? 0));
  return { resurveyed: resurveyed!, answered: answered!, recovered: recovered!, nowPassiveOrPromoter: movedUp!, interval: wilsonInterval(recovered!, answered!) };
}
