import { z } from "zod";

// Empty form fields and the nulls of a stored audience both mean "no condition".
const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).nullish().transform((v) => v || null);
const optionalDays = (max: number) =>
  z
    .union([z.literal(""), z.null(), z.coerce.number("A number of days").int("Whole days").min(1, "At least 1").max(max, `At most ${max}`)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v));

// Who a campaign goes to. Every condition is optional; together they narrow the tenant's contacts.
export const audienceSchema = z
  .object({
    storeId: optionalText(64),
    segment: optionalText(60),
    attributeName: optionalText(60),
    attributeValue: optionalText(500),
    purchasedWithinDays: optionalDays(3650),
  })
  .refine((a) => !a.attributeName === !a.attributeValue, { message: "Give the attribute's name and value", path: ["attributeValue"] });

export type Audience = z.infer<typeof audienceSchema>;

export const campaignInputSchema = z.intersection(
  audienceSchema,
  z.object({
    name: z.string().trim().min(1, "Give the campaign a name").max(120, "At most 120 characters"),
    surveyId: z.string().trim().min(1, "Choose a survey"),
    reminderAfterDays: optionalDays(60),
  }),
);

export type CampaignInput = z.infer<typeof campaignInputSchema>;
