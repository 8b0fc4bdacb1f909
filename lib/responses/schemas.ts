import { z } from "zod";
import { phoneSchema } from "../contacts/schemas";

export const COMMENT_MAX_LENGTH = 2000;

// Path parameters arrive as strings; anything but a whole number 0-10 is a 400, never a stored score.
export const scoreParamSchema = z
  .string()
  .regex(/^(10|[0-9])$/, "A score is a whole number from 0 to 10")
  .transform(Number);

export const commentInputSchema = z
  .object({
    // Postgres text cannot hold a NUL character: refused here (400) rather than failing the write (503).
    comment: z
      .string()
      .trim()
      .max(COMMENT_MAX_LENGTH, `At most ${COMMENT_MAX_LENGTH} characters`)
      .refine((comment) => !comment.includes("\u0000"), "A comment cannot contain NUL characters")
      .default(""),
    callbackConsent: z
      .union([z.literal("yes"), z.literal("on"), z.literal("")])
      .optional()
      .transform((v) => v === "yes" || v === "on"),
    callbackPhone: z.union([z.literal(""), phoneSchema]).optional().transform((v) => v || null),
  })
  .refine((input) => !input.callbackConsent || input.callbackPhone, {
    message: "phoneRequired",
    path: ["callbackPhone"],
  });

export type CommentInput = z.infer<typeof commentInputSchema>;
