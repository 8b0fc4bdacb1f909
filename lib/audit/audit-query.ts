import { addDays } from "date-fns";
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditFilter } from "./audit-events";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Not a date");
const blank = (value: unknown) => (value === "" ? undefined : value);

/** The audit log page's and its CSV's query string: person, kind, first and last day (UTC), and the page's cursor. */
export const auditQuerySchema = z.object({
  person: z.preprocess(blank, z.string().max(64).optional()),
  kind: z.preprocess(blank, z.enum(AUDIT_ACTIONS, { error: "Unknown kind of entry" }).optional()),
  from: z.preprocess(blank, day.optional()),
  to: z.preprocess(blank, day.optional()),
  before: z.preprocess(blank, z.string().max(64).optional()),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function auditFilterOf(query: AuditQuery): AuditFilter {
  return {
    person: query.person,
    action: query.kind,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    // The last day counts whole.
    to: query.to ? addDays(new Date(`${query.to}T00:00:00Z`), 1) : undefined,
  };
}
