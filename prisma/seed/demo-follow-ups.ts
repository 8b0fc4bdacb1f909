import { addHours } from "date-fns";
import type { FollowUpOutcome, FollowUpStatus } from "@/lib/generated/prisma/enums";
import { FOLLOW_UP_NOTES } from "./comments";
import type { ResponseRow } from "./demo-feedback";
import type { DemoRandom } from "./demo-random";
import type { DemoStore, TenantSpec } from "./demo-tenants";

export type FollowUpRow = {
  id: string;
  responseId: string;
  storeId: string | null;
  status: FollowUpStatus;
  outcome: FollowUpOutcome | null;
  dueAt: Date;
  contactedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
};

/** authorEmail instead of an id: users are shared across tenants and may exist before the seed runs. */
export type FollowUpNoteRow = { id: string; followUpId: string; authorEmail: string | null; body: string; createdAt: Date };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Older follow-ups are history: the demo's queue holds only the last days' detractors.
const SETTLED_AFTER_DAYS = 10;
const OUTCOME_WEIGHTS = [
  { value: "resolved" as const, weight: 6 },
  { value: "not_resolved" as const, weight: 2 },
  { value: "unreachable" as const, weight: 2 },
];
const NOTE_SHARE = { closed: 0.45, contacted: 0.5 };

type Context = {
  random: DemoRandom;
  now: Date;
  quality: (storeId: string | null) => number;
  /** Who calls back: the store's manager, HQ for online responses, nobody for a store without a manager. */
  callerEmail: (storeId: string | null) => string | null;
};

export function buildFollowUps(
  random: DemoRandom,
  spec: TenantSpec,
  stores: DemoStore[],
  responses: ResponseRow[],
  now: Date,
): { followUps: FollowUpRow[]; notes: FollowUpNoteRow[] } {
  const storesById = new Map(stores.map((store) => [store.id, store]));
  const hq = spec.members.find((member) => member.role === "cx_manager")?.email ?? spec.organization.adminEmail;
  const context: Context = {
    random,
    now,
    quality: (storeId) => (storeId ? storesById.get(storeId)!.quality : spec.onlineQuality),
    callerEmail: (storeId) => {
      if (!storeId) return hq;
      const code = storesById.get(storeId)!.code;
      return spec.members.find((member) => member.storeCodes.includes(code))?.email ?? null;
    },
  };

  const followUps = responses
    .filter((response) => response.category === "detractor")
    .map((response) => followUpFor(context, response, spec.organization.followUpSlaHours ?? 24));
  fillCallBackQueue(followUps, spec.callBackQueue, now);
  const notes = followUps.flatMap((followUp) => notesFor(context, followUp));
  return { followUps, notes };
}

function followUpFor(context: Context, response: ResponseRow, slaHours: number): FollowUpRow {
  const { faker } = context.random;
  const now = context.now.getTime();
  const respondedAt = response.respondedAt;
  const dueAt = addHours(respondedAt, slaHours);
  const quality = context.quality(response.storeId);
  const ageDays = (now - respondedAt.getTime()) / DAY;

  let status: FollowUpStatus;
  if (dueAt.getTime() > now) status = faker.datatype.boolean(0.3) ? "contacted" : "open";
  else if (ageDays <= SETTLED_AFTER_DAYS) {
    // Bad stores let more detractors slip past their deadline.
    const overdue = Math.min(0.15, Math.max(0.01, 0.06 - 0.06 * quality));
    status = faker.helpers.weightedArrayElement([
      { value: "open" as const, weight: overdue },
      { value: "contacted" as const, weight: 0.15 },
      { value: "closed" as const, weight: 0.85 - overdue },
    ]);
  } else status = faker.datatype.boolean(0.97) ? "closed" : "contacted";

  const followUp: FollowUpRow = {
    id: context.random.id(),
    responseId: response.id,
    storeId: response.storeId,
    status,
    outcome: null,
    dueAt,
    contactedAt: null,
    closedAt: null,
    createdAt: respondedAt,
  };
  if (status === "open") return followUp;

  // Good stores call within a few hours, bad ones often only the next day.
  const slowest = 4 + 14 * (1 - quality);
  const contactedAt = within(context, respondedAt, faker.number.float({ min: 0.1, max: slowest }));
  followUp.contactedAt = contactedAt;
  if (status === "closed") {
    followUp.outcome = faker.helpers.weightedArrayElement(OUTCOME_WEIGHTS);
    followUp.closedAt = within(context, contactedAt, faker.number.float({ min: 0.05, max: 48 }));
  }
  return followUp;
}

/** `hours` after `from`, or a random moment before now when that lies in the future. */
function within(context: Context, from: Date, hours: number): Date {
  const at = from.getTime() + hours * HOUR;
  const now = context.now.getTime();
  if (at <= now) return new Date(at);
  return new Date(from.getTime() + context.random.faker.number.float({ min: 0, max: 1 }) * (now - from.getTime()));
}

function fillCallBackQueue(followUps: FollowUpRow[], queue: TenantSpec["callBackQueue"], now: Date) {
  const count = (isWanted: (followUp: FollowUpRow) => boolean) => followUps.filter(isWanted).length;
  const isOpen = (followUp: FollowUpRow) => followUp.status === "open";
  const isDue = (followUp: FollowUpRow) => followUp.dueAt < now;
  reopenLatest(followUps.filter(isDue), queue.minOverdue - count((f) => isOpen(f) && isDue(f)));
  reopenLatest(followUps, queue.minOpen - count(isOpen));
}

function reopenLatest(candidates: FollowUpRow[], howMany: number) {
  if (howMany <= 0) return;
  const latestSettled = candidates
    .filter((followUp) => followUp.status !== "open")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, howMany);
  for (const followUp of latestSettled) {
    Object.assign(followUp, { status: "open", outcome: null, contactedAt: null, closedAt: null });
  }
}

function notesFor(context: Context, followUp: FollowUpRow): FollowUpNoteRow[] {
  const { faker } = context.random;
  if (followUp.status === "open" || !faker.datatype.boolean(NOTE_SHARE[followUp.status])) return [];
  const kind = followUp.outcome ?? "contacted";
  return [
    {
      id: context.random.id(),
      followUpId: followUp.id,
      authorEmail: context.callerEmail(followUp.storeId),
      body: faker.helpers.arrayElement(FOLLOW_UP_NOTES[kind]),
      createdAt: followUp.closedAt ?? followUp.contactedAt!,
    },
  ];
}
