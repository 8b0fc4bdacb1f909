import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { phoneSchema } from "./schemas";

// A contact as the tenant's systems describe it: the public API, CSV imports and campaigns share this shape.

export const attributesSchema = z
  .record(
    z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_. -]+$/, "Attribute names use letters, digits, _ . - and spaces"),
    z.string().trim().max(500),
  )
  .refine((attributes) => Object.keys(attributes).length <= 50, "At most 50 attributes");

export const contactFieldsSchema = z.object({
  email: z.email("A valid email address").trim().toLowerCase().max(254).optional(),
  externalId: z.string().trim().min(1).max(128).optional(),
  name: z.string().trim().max(120, "At most 120 characters").nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  locale: z.enum(LOCALES, `One of ${LOCALES.join(", ")}`).optional(),
  // The customer segment analytics compare by, e.g. the loyalty tier.
  segment: z.string().trim().min(1).max(60, "At most 60 characters").nullable().optional(),
  attributes: attributesSchema.optional(),
  lastPurchaseAt: z.iso.datetime({ offset: true, message: "An ISO 8601 time, e.g. 2026-11-23T14:05:00Z" }).nullable().optional(),
});

const identified = (contact: { email?: string; externalId?: string }) => Boolean(contact.email || contact.externalId);

/** A contact to create or update: named by its email or the tenant's externalId (or both). */
export const contactRecordSchema = contactFieldsSchema.refine(identified, {
  message: "Give the contact's email or externalId",
  path: ["email"],
});

export type ContactFields = z.infer<typeof contactFieldsSchema>;
