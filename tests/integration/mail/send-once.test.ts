import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { certainlyNotSent, sendMailOnce } from "@/lib/mail/send-once";
import { smtpSinkForThisFile } from "@/tests/support/smtp-sink-for-file";

const smtp = smtpSinkForThisFile();

const mailTo = (to: string, key: string) => ({ to, key, kind: "test", subject: "Hello", html: "<p>Hello</p>", text: "Hello" });
const newAddress = () => `once-${crypto.randomUUID()}@example.test`;

describe("sending a job's email at most once", () => {
  it("sends it the first time and never again under the same key", async () => {
    const to = newAddress();

    expect(await sendMailOnce(mailTo(to, `k:${to}`))).toBe("sent");
    expect(await sendMailOnce(mailTo(to, `k:${to}`))).toBe("already-sent");

    expect(smtp.to(to)).toHaveLength(1);
    expect(await db.mailDelivery.findUniqueOrThrow({ where: { key: `k:${to}` } })).toMatchObject({ status: "sent", to });
  });

  it("sends nothing when the same job runs twice at once", async () => {
    const to = newAddress();

    const results = await Promise.all([sendMailOnce(mailTo(to, `k:${to}`)), sendMailOnce(mailTo(to, `k:${to}`))]);

    expect(results.sort()).toEqual(["already-sent", "sent"]);
    expect(smtp.to(to)).toHaveLength(1);
  });

  it("does not resend after a crash between the claim and the send's confirmation", async () => {
    const to = newAddress();
    // What a worker that died mid-send leaves behind: the claim, never marked sent.
    await db.mailDelivery.create({ data: { key: `k:${to}`, kind: "test", to } });

    expect(await sendMailOnce(mailTo(to, `k:${to}`))).toBe("already-sent");
    expect(smtp.to(to)).toEqual([]);
  });

  it("releases the claim when the server refuses the mail, so the retry sends it exactly once", async () => {
    const to = newAddress();
    smtp.refuseNext(1);

    await expect(sendMailOnce(mailTo(to, `k:${to}`))).rejects.toMatchObject({ responseCode: 451 });
    expect(await db.mailDelivery.findUnique({ where: { key: `k:${to}` } })).toBeNull();
    expect(await sendMailOnce(mailTo(to, `k:${to}`))).toBe("sent");

    expect(smtp.to(to)).toHaveLength(1);
  });

  it("treats only refusals and failed connections as certainly not sent", () => {
    expect(certainlyNotSent({ responseCode: 451 })).toBe(true);
    expect(certainlyNotSent({ code: "ECONNECTION" })).toBe(true);
    expect(certainlyNotSent({ code: "ESOCKET", command: "CONN" })).toBe(true);
    expect(certainlyNotSent({ code: "ETIMEDOUT" })).toBe(false);
    expect(certainlyNotSent({ code: "ESOCKET", command: "DATA" })).toBe(false);
    expect(certainlyNotSent(new Error("unknown"))).toBe(false);
  });
});
