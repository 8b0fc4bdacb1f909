import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { markSent } from "@/lib/sending/mark-sent";
import { requestSurveySend } from "@/lib/sending/request-survey-send";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant } from "@/tests/support/factories";

let tenant: Tenant;

beforeAll(async () => {
  ({ tenant } = await createTenant("Mark Sent Shop"));
});

async function claimedSend() {
  const { send } = await requestSurveySend(tenant, { contact: { email: `mark-${crypto.randomUUID()}@example.test` }, storeId: null, surveyId: null });
  return db.surveySend.update({ where: { id: send.id }, data: { status: "sending" } });
}

describe("marking sends sent together", () => {
  it("marks every send handed over in the same moment sent at its own time, and leaves one settled otherwise", async () => {
    const sends = await Promise.all(Array.from({ length: 5 }, claimedSend));
    const bounced = sends[4]!;
    await db.surveySend.update({ where: { id: bounced.id }, data: { status: "bounced" } });
    const times = sends.map((_, i) => new Date(Date.UTC(2026, 11, 1, 9, 0, i)));

    await Promise.all(sends.map((send, i) => markSent(tenant, send.id, times[i]!)));

    const rows = await db.surveySend.findMany({ where: { id: { in: sends.map((s) => s.id) } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [i, send] of sends.slice(0, 4).entries()) {
      expect(byId.get(send.id)).toMatchObject({ status: "sent", statusReason: null, sentAt: times[i] });
    }
    expect(byId.get(bounced.id)).toMatchObject({ status: "bounced" });
  });
});
