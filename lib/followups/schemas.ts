import { z } from "zod";

export const OUTCOMES = ["resolved", "not_resolved", "unreachable"] as const;

const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).optional().transform((v) => v || null);
const optionalId = z.string().trim().max(64).optional().transform((v) => v || null);

export const noteInputSchema = z.object({
  body: z.string().trim().min(1, "Write a note").max(2000, "At most 2000 characters"),
});

export const closeInputSchema = z.object({
  outcome: z.enum(OUTCOMES, "Choose an outcome"),
  rootCauseId: optionalId,
  resolution: optionalText(2000),
  body: optionalText(2000),
});

export const assignInputSchema = z.object({ membershipId: optionalId });

export const rootCauseChoiceSchema = z.object({ rootCauseId: z.string().trim().min(1, "Choose a root cause").max(64) });

export const rootCauseInputSchema = z.object({
  label: z.string().trim().min(1, "Enter a root cause").max(80, "At most 80 characters"),
});

export type NoteInput = z.infer<typeof noteInputSchema>;
export type CloseInput = z.infer<typeof closeInputSchema>;
export type AssignInput = z.infer<typeof assignInputSchema>;
export type RootCauseInput = z.infer<typeof rootCauseInputSchema>;
