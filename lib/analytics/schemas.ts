import { z } from "zod";

// The analytics filters as they appear in the URL, so that any view can be shared by its address. Shared by the
// dashboard, the comments explorer, the themes page and the CSV exports.

export const PERIODS = ["30d", "90d", "365d", "all"] as const;
export type Period = (typeof PERIODS)[number];
export const TREND_GRAINS = ["week", "month"] as const;
export type TrendGrain = (typeof TREND_GRAINS)[number];
export const CHANNELS = ["store", "online"] as const;

// A repeated parameter (?store=a&store=b) counts once; an empty one is no filter.
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value) || undefined;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date like 2026-01-31").refine(
  (value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  "Not a calendar date",
);
const id = z.string().trim().max(64, "Unknown id").regex(/^[A-Za-z0-9_-]+$/, "Unknown id");
const param = <T extends z.ZodType>(schema: T) => z.preprocess(single, schema.optional());

export const analyticsQuerySchema = z
  .object({
    period: param(z.enum(PERIODS, "Choose a period")),
    from: param(isoDate),
    to: param(isoDate),
    trend: param(z.enum(TREND_GRAINS, "Trend is by week or by month")),
    region: param(id),
    store: param(id),
    survey: param(id),
    channel: param(z.enum(CHANNELS, "Channel is store or online")),
    segment: param(z.string().trim().max(60, "At most 60 characters")),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "The start date must be on or before the end date",
    path: ["from"],
  });

export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** The filter parameters of a parsed query, for links that keep the current view (drill-downs, exports). */
export function queryString(query: AnalyticsQuery, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) if (value) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const CATEGORIES = ["detractor", "passive", "promoter"] as const;

// The comments explorer's own parameters, on top of the analytics filters. `after` is the cursor of the last
// comment shown: its time and id, base64url-encoded, so the next page starts exactly after it.
export const commentQuerySchema = z.object({
  q: param(z.string().trim().max(200, "At most 200 characters")),
  category: param(z.enum(CATEGORIES, "Choose detractors, passives or promoters")),
  theme: param(id),
  after: param(
    z.string().transform((value, ctx) => {
      const cursor = decodeCursor(value);
      if (!cursor) ctx.addIssue({ code: "custom", message: "This page link is broken; start from the newest comments" });
      return cursor ?? z.NEVER;
    }),
  ),
});

export type CommentQuery = z.infer<typeof commentQuerySchema>;
export type CommentCursor = { respondedAt: Date; id: string };

export function encodeCursor(cursor: CommentCursor): string {
  return Buffer.from(JSON.stringify([cursor.respondedAt.toISOString(), cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): CommentCursor | null {
  try {
    const [at, cursorId] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    const respondedAt = new Date(String(at));
    if (typeof cursorId !== "string" || !id.safeParse(cursorId).success || Number.isNaN(respondedAt.getTime())) return null;
    return { respondedAt, id: cursorId };
  } catch {
    return null;
  }
}
