import { describe, expect, it } from "vitest";
import { dueTimeAfter, type BusinessHours } from "@/lib/followups/due-time";

const berlin9to18: BusinessHours = { timeZone: "Europe/Berlin", opensAt: 9 * 60, closesAt: 18 * 60, openDays: "123456" };

describe("a follow-up's due time", () => {
  it("runs around the clock without business hours", () => {
    expect(dueTimeAfter(new Date("2026-11-20T22:00:00Z"), 24, null)).toEqual(new Date("2026-11-21T22:00:00Z"));
    expect(dueTimeAfter(new Date("2026-11-20T22:00:00Z"), 2, { ...berlin9to18, opensAt: null, closesAt: null })).toEqual(
      new Date("2026-11-21T00:00:00Z"),
    );
  });

  it("counts only business hours in the store's own time zone", () => {
    // Tuesday 10:00 in Berlin (09:00 UTC) + 2 h = 12:00 Berlin.
    expect(dueTimeAfter(new Date("2026-11-17T09:00:00Z"), 2, berlin9to18)).toEqual(new Date("2026-11-17T11:00:00Z"));
  });

  it("carries the remainder over the night: 17:00 + 2 h is 10:00 the next morning", () => {
    expect(dueTimeAfter(new Date("2026-11-17T16:00:00Z"), 2, berlin9to18)).toEqual(new Date("2026-11-18T09:00:00Z"));
  });

  it("starts the clock at opening time for a response in the night", () => {
    expect(dueTimeAfter(new Date("2026-11-17T02:00:00Z"), 1, berlin9to18)).toEqual(new Date("2026-11-17T09:00:00Z"));
  });

  it("skips the days the store is closed: Saturday 17:00 + 2 h is Monday 10:00", () => {
    expect(dueTimeAfter(new Date("2026-11-21T16:00:00Z"), 2, berlin9to18)).toEqual(new Date("2026-11-23T09:00:00Z"));
  });

  it("follows the store's clock across a daylight-saving change", () => {
    // Saturday 28 March 2026, 17:00 CET; the clocks go forward that night; Monday 10:00 is CEST (UTC+2).
    expect(dueTimeAfter(new Date("2026-03-28T16:00:00Z"), 2, berlin9to18)).toEqual(new Date("2026-03-30T08:00:00Z"));
  });

  it("uses New York's hours for a New York store", () => {
    const newYork: BusinessHours = { timeZone: "America/New_York", opensAt: 8 * 60, closesAt: 20 * 60, openDays: "1234567" };
    // 19:30 EST (00:30 UTC next day) + 1 h = 08:30 EST the next morning.
    expect(dueTimeAfter(new Date("2026-11-18T00:30:00Z"), 1, newYork)).toEqual(new Date("2026-11-18T13:30:00Z"));
  });
});
