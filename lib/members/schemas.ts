import { z } from "zod";
import { LOCALES } from "../i18n/locales";

export const ROLES = ["admin", "cx_manager", "store_manager"] as const;


const storeIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().min(1)).max(500),
);

export const memberInputSchema = z
  .object({
    email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
    name: z.string().trim().max(120, "At most 120 characters").optional().transform((v) => v || null),
    role: z.enum(ROLES, "Choose a role"),
    storeIds,
  })
  .refine((member) => member.role !== "store_manager" || member.storeIds.length > 0, {
    message: "A store manager needs at least one store",
    path: ["storeIds"],
  });

export const memberUpdateSchema = z
  .object({ role: z.enum(ROLES, "Choose a role"), storeIds })
  .refine((member) => member.role !== "store_manager" || member.storeIds.length > 0, {
    message: "A store manager needs at least one store",
    path: ["storeIds"],
  });

export type MemberInput = z.infer<typeof memberInputSchema>;
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

/** A person's own language; empty follows their browser again. */
export const ownLocaleSchema = z.object({
  locale: z.union([z.enum(LOCALES, "Choose a language"), z.literal("")]).transform((value) => value || null),
});

export const staffLocaleSchema = z.object({ locale: z.enum(LOCALES, "Choose a language") });
