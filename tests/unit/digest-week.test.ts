import { describe, expect, it } from "vitest";
import { lastCompleteWeek, weekContaining, weekFromKey, weekKey, weeksBefore } from "@/lib/digests/digest-week";

describe("the digest's week", () => {
  it("runs from Monday 00:00 to the next Monday 00:00 on the store's clock", () => {
    const week = weekContaining(new Date("2026-11-18T12:00:00Z"), "Europe/Berlin");
    expect(week.start).toEqual(new Date("2026-11-15T23:00:00Z"));
    expect(week.end).toEqual(new Date("2026-11-22T23:00:00Z"));
  });

  it("puts Sunday 23:30 in Berlin in that week and Monday 00:30 in the next", () => {
    const sundayNight = new Date("2026-11-22T22:30:00Z");
    const mondayMorning = new Date("2026-11-22T23:30:00Z");
    expect(weekKey(weekContaining(sundayNight, "Europe/Berlin"), "Europe/Berlin")).toBe("2026-11-16");
    expect(weekKey(weekContaining(mondayMorning, "Europe/Berlin"), "Europe/Berlin")).toBe("2026-11-23");
    // The same instant is still Sunday evening in London, so there it belongs to the earlier week.
    expect(weekKey(weekContaining(mondayMorning, "Europe/London"), "Europe/London")).toBe("2026-11-16");
  });

  it("reports the week that just ended on Monday morning", () => {
    const monday = new Date("2026-11-23T06:00:00Z");
    expect(weekKey(lastCompleteWeek(monday, "Europe/Berlin"), "Europe/Berlin")).toBe("2026-11-16");
  });

  it("has 167 hours in the week the clocks go forward", () => {
    const week = weekContaining(new Date("2026-03-25T12:00:00Z"), "Europe/Berlin");
    expect((week.end.getTime() - week.start.getTime()) / 3_600_000).toBe(167);
  });

  it("lists the 4 weeks before, most recent first, and reads a week back from its key", () => {
    const week = weekFromKey("2026-11-18", "Europe/Berlin");
    expect(weekKey(week, "Europe/Berlin")).toBe("2026-11-16");
    expect(weeksBefore(week, 4, "Europe/Berlin").map((w) => weekKey(w, "Europe/Berlin"))).toEqual([
      "2026-11-09",
      "2026-11-02",
      "2026-10-26",
      "2026-10-19",
    ]);
  });
});
