import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-events";
import { findMutations } from "./mutations";

// The audit log records every change made to a tenant's configuration, and who made it. A new server action or
// API mutation that writes nothing to it fails here, unless it is one of these, each with its reason (they are
// also listed in docs/audit-log.md).
const NOT_AUDITED: Record<string, string> = Object.fromEntries([
  ...["markContactedAction", "callAttemptAction", "assignAction", "rootCauseAction", "addNoteAction", "closeFollowUpAction"].map((name) => [
    `app/(app)/queue/actions.ts#${name}`,
    "A store's work on one follow-up, not configuration: each step is kept with who and when in the follow-up's own history, shown on its page.",
  ]),
  ...["app/api/v1/contacts/route.ts#POST", "app/api/v1/contacts/[id]/route.ts#PATCH"].map((id) => [
    id,
    "Contact records an integration keeps up to date: the tenant's data, not its configuration; the key's creation and revocation are audited.",
  ]),
  ...["app/api/v1/survey-sends/route.ts#POST", "app/api/v1/survey-sends/batch/route.ts#POST"].map((id) => [
    id,
    "Survey sends through the API, hundreds a second: each is a survey send with its status and times, not a change of configuration.",
  ]),
  [
    "app/(app)/settings/profile/actions.ts#saveOwnLocaleAction",
    "A person's own language for the pages and emails they read: their preference, not the tenant's configuration (the tenant's default language is audited).",
  ],
]);

describe("the audit log's coverage", () => {
  // One TypeScript program over the app: a few seconds.
  const mutations = findMutations();

  it("has every server action and API mutation write to the audit log, or be a listed exception", () => {
    expect(mutations.length).toBeGreaterThan(40);
    const silent = mutations.filter((m) => !m.audited && !(m.id in NOT_AUDITED)).map((m) => m.id);
    expect(silent).toEqual([]);
  });

  it("lists as exceptions only mutations that exist and write nothing to the log", () => {
    const byId = new Map(mutations.map((m) => [m.id, m]));
    expect(Object.keys(NOT_AUDITED).filter((id) => !byId.has(id))).toEqual([]);
    expect(Object.keys(NOT_AUDITED).filter((id) => byId.get(id)?.audited)).toEqual([]);
  });

  it("documents every kind of audit entry and every exception in docs/audit-log.md", () => {
    const doc = readFileSync("docs/audit-log.md", "utf8");
    expect(AUDIT_ACTIONS.filter((action) => !doc.includes(`\`${action}\``))).toEqual([]);
    const routes = Object.keys(NOT_AUDITED).map((id) => id.split("#")[1]!.endsWith("Action") ? id.split("#")[1]! : id.replace("#", " "));
    expect(routes.filter((entry) => !doc.includes(entry))).toEqual([]);
  });
});
