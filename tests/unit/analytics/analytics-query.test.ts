import { describe, expect, it } from "vitest";
import { searchQuery } from "@/lib/analytics/comments";
import { analyticsQuerySchema, commentQuerySchema, encodeCursor, queryString } from "@/lib/analytics/schemas";

describe("the analytics filters in the URL", () => {
  it("reads every filter, and an empty parameter as no filter", () => {
    const parsed = analyticsQuerySchema.parse({ period: "all", store: "cabc", channel: "online", segment: "Gold", region: "" });
    expect(parsed).toEqual({ period: "all", store: "cabc", channel: "online", segment: "Gold" });
  });

  it("rejects malformed values with a message", () => {
    const messages = (query: Record<string, string>) => analyticsQuerySchema.safeParse(query).error?.issues.map((issue) => issue.message);
    expect(messages({ from: "2026-02-30" })).toEqual(["Not a calendar date"]);
    expect(messages({ from: "2026-03-02", to: "2026-03-01" })).toEqual(["The start date must be on or before the end date"]);
    expect(messages({ channel: "fax" })).toEqual(["Channel is store or online"]);
    expect(messages({ store: "x'; drop" })).toEqual(["Unknown id"]);
  });

  it("writes a view back as a query string for links", () => {
    expect(queryString({ period: "30d", store: "c1" }, { q: "queue", theme: undefined })).toBe("?period=30d&store=c1&q=queue");
    expect(queryString({})).toBe("");
  });
});

describe("the comments explorer's parameters", () => {
  it("round-trips the cursor of the last comment shown", () => {
    const cursor = { respondedAt: new Date("2026-01-02T03:04:05.678Z"), id: "cabc" };
    expect(commentQuerySchema.parse({ after: encodeCursor(cursor) }).after).toEqual(cursor);
    expect(commentQuerySchema.safeParse({ after: "garbage" }).error?.issues[0].message).toMatch(/broken/);
  });

  it("searches every word as a prefix and passes nothing but letters and digits to Postgres", () => {
    expect(searchQuery("Queue, TILL!")).toBe("queue:* & till:*");
    expect(searchQuery("czekałem 20")).toBe("czekałem:* & 20:*");
    expect(searchQuery("') | !x:*")).toBe("x:*");
    expect(searchQuery("  ")).toBeNull();
  });
});
