import { describe, expect, it } from "vitest";
import { commentInputSchema } from "@/lib/responses/schemas";

describe("the landing page's comment form", () => {
  it("refuses a comment with a NUL character (Postgres text cannot store it) instead of failing to save it", () => {
    expect(commentInputSchema.safeParse({ comment: "Kasse\u0000kaputt" }).success).toBe(false);
    expect(commentInputSchema.safeParse({ comment: "Kasse kaputt" })).toMatchObject({ success: true, data: { comment: "Kasse kaputt" } });
  });
});
