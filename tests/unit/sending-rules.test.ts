import { describe, expect, it } from "vitest";
import { decideSend, endOfQuietHours, type ContactFacts, type SendingPolicy } from "@/lib/sending/rules";
import { sendingPolicyInputSchema } from "@/lib/sending/schemas";

const fresh: ContactFacts = { unsubscribedAt: null, suppressedAt: null, suppressionReason: null, erasedAt: null, lastSurveyedAt: null };
const policy: SendingPolicy = { throttleDays: 30, quietHoursStart: null, quietHoursEnd: null, timeZone: "UTC" };
const now = new Date("2026-11-23T12:00:00Z");
const decide = (contact: Partial<ContactFacts>, overrides: Partial<SendingPolicy> = {}, timeZone = "UTC", requestedAt: Date | null = null) =>
  decideSend({ contact: { ...fresh, ...contact }, policy: { ...policy, ...overrides }, timeZone, requestedAt, now });

describe("the sending rules", () => {
  it("queue a survey to a contact never surveyed, at once", () => {
    expect(decide({})).toEqual({ status: "queued", sendAfter: null });
  });

  it("throttle a contact surveyed within the tenant's days, and let one surveyed before through", () => {
    expect(decide({ lastSurveyedAt: new Date("2026-10-25T12:00:01Z") })).toEqual({
      status: "throttled",
      reason: "Surveyed on 2026-10-25; not again within 30 days",
    });
    expect(decide({ lastSurveyedAt: new Date("2026-10-24T12:00:00Z") }).status).toBe("queued");
    expect(decide({ lastSurveyedAt: new Date("2026-11-23T11:00:00Z") }, { throttleDays: 0 }).status).toBe("queued");
  });

  it("suppress the opted-out, the bounced, the complained and the erased, before any throttle", () => {
    const at = new Date("2026-09-01T00:00:00Z");
    expect(decide({ unsubscribedAt: at, lastSurveyedAt: now })).toEqual({ status: "suppressed", reason: "Unsubscribed on 2026-09-01" });
    expect(decide({ suppressedAt: at, suppressionReason: "bounced" }).status).toBe("suppressed");
    expect(decide({ suppressedAt: at, suppressionReason: "complained" })).toMatchObject({ reason: "Complained about our mail on 2026-09-01" });
    expect(decide({ erasedAt: at })).toMatchObject({ status: "suppressed", reason: "The contact was erased" });
  });

  it("wait for the requested time, and move a send in the quiet hours to their end in the store's time zone", () => {
    const later = new Date("2026-11-24T09:00:00Z");
    expect(decide({}, {}, "UTC", later)).toEqual({ status: "queued", sendAfter: later });
    // 12:00 UTC is 21:00 in Tokyo: quiet from 20:00 to 08:00 there, so 08:00 Tokyo = 23:00 UTC.
    expect(decide({}, { quietHoursStart: 20 * 60, quietHoursEnd: 8 * 60 }, "Asia/Tokyo")).toEqual({
      status: "queued",
      sendAfter: new Date("2026-11-23T23:00:00Z"),
    });
  });

  it("know quiet hours within a day and across midnight, and daylight saving time", () => {
    const quiet = { quietHoursStart: 21 * 60, quietHoursEnd: 7 * 60 };
    expect(endOfQuietHours(new Date("2026-11-23T22:30:00Z"), quiet, "UTC")).toEqual(new Date("2026-11-24T07:00:00Z"));
    expect(endOfQuietHours(new Date("2026-11-23T03:00:00Z"), quiet, "UTC")).toEqual(new Date("2026-11-23T07:00:00Z"));
    expect(endOfQuietHours(new Date("2026-11-23T12:00:00Z"), quiet, "UTC")).toEqual(new Date("2026-11-23T12:00:00Z"));
    const lunch = { quietHoursStart: 12 * 60, quietHoursEnd: 13 * 60 };
    expect(endOfQuietHours(new Date("2026-11-23T12:30:00Z"), lunch, "UTC")).toEqual(new Date("2026-11-23T13:00:00Z"));
    // Berlin switches to summer time on 2026-03-29: 07:00 local is 05:00 UTC that morning.
    expect(endOfQuietHours(new Date("2026-03-28T22:00:00Z"), quiet, "Europe/Berlin")).toEqual(new Date("2026-03-29T05:00:00Z"));
  });

  it("accept a settings form with both quiet-hour ends or none, and refuse half of them or a bad time zone", () => {
    expect(sendingPolicyInputSchema.parse({ throttleDays: "14", quietHoursStart: "21:00", quietHoursEnd: "07:30", timeZone: "Europe/Warsaw" })).toEqual({
      throttleDays: 14,
      quietHoursStart: 1260,
      quietHoursEnd: 450,
      timeZone: "Europe/Warsaw",
    });
    expect(sendingPolicyInputSchema.safeParse({ throttleDays: "30", quietHoursStart: "21:00", quietHoursEnd: "", timeZone: "UTC" }).success).toBe(false);
    expect(sendingPolicyInputSchema.safeParse({ throttleDays: "30", timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(sendingPolicyInputSchema.safeParse({ throttleDays: "-1", timeZone: "UTC" }).success).toBe(false);
  });
});
