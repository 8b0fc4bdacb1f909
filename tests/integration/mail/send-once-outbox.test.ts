import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { usesOutbox } from "@/lib/env";
import { sendMailOnce } from "@/lib/mail/send-once";

describe("sending a job's email at most once in demo mode (outbox)", () => {
  it("writes the outbox row and the claim in one transaction: exactly one mail, even when two runs race", async () => {
    expect(usesOutbox()).toBe(true);
    const to = `outbox-once-${crypto.randomUUID()}@example.test`;
    const mail = { to, key: `k:${to}`, kind: "test", subject: "Hello", html: "<p>Hello</p>", text: "Hello" };

    const results = await Promise.all([sendMailOnce(mail), sendMailOnce(mail), sendMailOnce(mail)]);

    expect(results.sort()).toEqual(["already-sent", "already-sent", "sent"]);
    expect(await db.outboxMessage.count({ where: { to } })).toBe(1);
    expect(await db.mailDelivery.findUniqueOrThrow({ where: { key: mail.key } })).toMatchObject({ status: "sent" });
  });
});
