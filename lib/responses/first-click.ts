import { createHash, randomUUID } from "node:crypto";
import { subSeconds } from "date-fns";
import { preparedQuery } from "../db/client";
import { drawGroup } from "../experiments/holdout";
import { planLoop } from "../followups/open-loop";
import { jobInsertSubstatement, type JobToQueue } from "../queue/enqueue";
import type { ClickLink } from "./click-link";
import { categoryOf } from "./nps";
import { BURST_WINDOW_SECONDS } from "./scanner-guard";

// Most score clicks are the first on their email. Written through the general path (lib/responses/record-score.ts)
// one costs a dozen round trips in a transaction, and each of them holds the rollup rows that every click of the
// day for the store and survey needs (kept by triggers on Response and FollowUp) a little longer. Here the same
// rows are written by one statement, which is its own transaction: the rows are held only for its commit.

/** Webhook events a first click emits; a tenant listening to one takes the general path, which builds them. */
const FIRST_CLICK_EVENTS = ["response.created", "followup.created"];

/**
 * Records the first click on an email in one statement: the click, the response, its holdout draw, follow-up,
 * alert, escalation or re-survey, as lib/followups/open-loop.ts plans them. Returns false, having written nothing,
 * when the click is not plainly a first one (the email has a response, or clicks the scanner guard must weigh it
 * against; or a webhook listens) or when a parallel click on the same email won the race: the caller then takes
 * the general path, which takes the email's lock.
 */
export async function recordFirstClick(link: ClickLink, score: number, userAgent: string | null, now: Date): Promise<boolean> {
  if (link.hasResponse || listensToFirstClick(link)) return false;
  const statement = await firstClickStatement(link, score, userAgent, now);
  try {
    // Prepared per shape (which rows and jobs the plan writes): a handful of statements, each planned once.
    const name = `first-click-${createHash("sha1").update(statement.text).digest("hex").slice(0, 16)}`;
    const [written] = await preparedQuery<{ responses: number }>(name, statement.text, statement.values);
    return written!.responses === 1;
  } catch (error) {
    if (isRaceLost(error)) return false;
    throw error;
  }
}

function listensToFirstClick(link: ClickLink): boolean {
  return link.webhookEndpoints.some((endpoint) => (endpoint.events as string[]).some((event) => FIRST_CLICK_EVENTS.includes(event)));
}

/** Another click created the email's response first (Response.surveySendId is unique). */
function isRaceLost(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
}

async function firstClickStatement(link: ClickLink, score: number, userAgent: string | null, now: Date) {
  const tenant = link.organizationId;
  const category = categoryOf(score);
  // The answer to a re-survey is the experiment's outcome, never a new subject of it.
  const group = category === "detractor" && !link.isResurveyAnswer ? drawGroup(link.survey.holdoutPercent) : null;
  const plan = planLoop({ survey: link.survey, store: link.store, now, category, group, hasFollowUp: false });
  const responseId = randomUUID();
  const followUpId = randomUUID();
  const resurveyId = randomUUID();

  const values: unknown[] = [];
  const $ = (value: unknown) => `$${values.push(value)}`;
  // w0 writes the response unless the email was clicked within the scanner guard's window (the statement sees
  // the clicks committed before it began; one still in flight makes the insert wait and then fail on the key).
  // Every other write selects FROM w0, so a skipped response skips them all.
  const writes = [
    `INSERT INTO "Response" ("id", "organizationId", "surveySendId", "surveyId", "contactId", "storeId", "channel", "score", "category", "locale", "respondedAt", "updatedAt")
     SELECT ${$(responseId)}, ${$(tenant)}, ${$(link.id)}, ${$(link.surveyId)}, ${$(link.contactId)}, ${$(link.storeId)}, ${$(link.channel)}::"Channel",
            ${$(score)}, ${$(category)}::"ResponseCategory", ${$(link.locale)}, ${$(now)}, ${$(now)}
      WHERE NOT EXISTS (SELECT 1 FROM "ScoreClick" c WHERE c."surveySendId" = ${$(link.id)} AND c."createdAt" >= ${$(subSeconds(now, BURST_WINDOW_SECONDS))})
     RETURNING "id"`,
    `INSERT INTO "ScoreClick" ("id", "organizationId", "surveySendId", "score", "verdict", "userAgent", "createdAt")
     SELECT ${$(randomUUID())}, ${$(tenant)}, ${$(link.id)}, ${$(score)}, 'recorded', ${$(userAgent)}, ${$(now)} FROM w0`,
  ];
  const jobs: JobToQueue[] = [];
  if (group) {
    writes.push(`INSERT INTO "HoldoutAssignment" ("id", "organizationId", "responseId", "group", "holdoutPercent", "assignedAt")
     SELECT ${$(randomUUID())}, ${$(tenant)}, ${$(responseId)}, ${$(group)}::"ExperimentGroup", ${$(link.survey.holdoutPercent)}, ${$(now)} FROM w0`);
  }
  if (plan.resurveyDueAt) {
    writes.push(`INSERT INTO "Resurvey" ("id", "organizationId", "responseId", "group", "dueAt", "createdAt")
     SELECT ${$(resurveyId)}, ${$(tenant)}, ${$(responseId)}, 'holdout', ${$(plan.resurveyDueAt)}, ${$(now)} FROM w0`);
    jobs.push({ kind: "resurvey", data: { organizationId: tenant, resurveyId }, startAfter: plan.resurveyDueAt });
  }
  if (plan.followUp) {
    writes.push(
      `INSERT INTO "FollowUp" ("id", "organizationId", "responseId", "storeId", "dueAt", "createdAt")
       SELECT ${$(followUpId)}, ${$(tenant)}, ${$(responseId)}, ${$(link.storeId)}, ${$(plan.followUp.dueAt)}, ${$(now)} FROM w0`,
      `INSERT INTO "FollowUpEvent" ("id", "organizationId", "followUpId", "type", "createdAt")
       SELECT ${$(randomUUID())}, ${$(tenant)}, ${$(followUpId)}, 'opened', ${$(now)} FROM w0`,
    );
    if (plan.followUp.escalate) {
      jobs.push({ kind: "escalation", data: { organizationId: tenant, followUpId }, startAfter: plan.followUp.dueAt });
    }
  }
  if (plan.alert) jobs.push({ kind: "alert", data: { organizationId: tenant, responseId } });
  if (jobs.length > 0) writes.push(await jobsWrittenWith(jobs, values));
  const text = `WITH ${writes.map((write, i) => `w${i} AS (${write})`).join(",\n")} SELECT count(*)::int AS "responses" FROM w0`;
  return { text, values };
}

/**
 * pg-boss's insert of `jobs` as a sub-statement, its parameters appended to `values`. Its jobs are read FROM w0:
 * there are none when the response was skipped.
 */
async function jobsWrittenWith(jobs: JobToQueue[], values: unknown[]): Promise<string> {
  const jobsParameter = values.length + 1;
  const insert = await jobInsertSubstatement(jobs, `(SELECT $${jobsParameter}::json FROM w0)`, jobsParameter);
  values.push(insert.jobsJson, ...insert.values);
  return insert.text;
}
