import { z } from "zod";

export const OUTCOMES = ["resolved", "not_resolved", "unreachable"] as const;

export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  resolved: "Resolved",
  not_resolved: "Not resolved",
  unreachable: "Unreachable",
};

export const noteInputSchema = z.object({
  body: z.string().trim().min(1, "Write a note").max(2000, "At most 2000 characters"),
});

export const closeInputSchema = z.object({
  outcome: z.enum(OUTCOMES, "Choose an outcome"),
  body: z.string().trim().max(2000, "At most 2000 characters").optional().transform((v) => v || null),
});

export type NoteInput = z.infer<typeof noteInputSchema>;
export type CloseInput = z.infer<typeof closeInputSchema>;
