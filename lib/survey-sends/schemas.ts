import { z } from "zod";
import { contactInputSchema } from "../contacts/schemas";

export const surveySendInputSchema = contactInputSchema.extend({
  surveyId: z.string().trim().optional().transform((v) => v || null),
  storeId: z.string().trim().optional().transform((v) => v || null),
});

export type SurveySendInput = z.infer<typeof surveySendInputSchema>;
