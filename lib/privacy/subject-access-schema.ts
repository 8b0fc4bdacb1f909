import { z } from "zod";

/**
 * The subject-access export (GDPR art. 15 and 20), version 1: what a person may take elsewhere, documented in
 * docs/privacy.md. Every object is strict: a field not declared here cannot slip into the file. Deliberately absent:
 * survey link tokens (whoever holds one can change the person's answer), the API's idempotency data, the sending
 * engine's bookkeeping, staff's names and every internal id. A change of meaning is a new version, never an edit.
 */
export const SUBJECT_ACCESS_FORMAT = "nps-loop/subject-access-export";
export const SUBJECT_ACCESS_VERSION = 1;

const timestamp = z.iso.datetime();

const followUpSchema = z.strictObject({
  status: z.enum(["open", "contacted", "closed"]),
  outcome: z.enum(["resolved", "not_resolved", "unreachable"]).nullable(),
  openedAt: timestamp,
  dueAt: timestamp,
  contactedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  resolution: z.string().nullable(),
  notes: z.array(z.strictObject({ writtenAt: timestamp, text: z.string() })),
});

const responseSchema = z.strictObject({
  respondedAt: timestamp,
  score: z.number().int().min(0).max(10),
  category: z.enum(["detractor", "passive", "promoter"]),
  comment: z.string().nullable(),
  callbackConsent: z.boolean(),
  callbackPhone: z.string().nullable(),
  followUp: followUpSchema.nullable(),
});

const surveyEmailSchema = z.strictObject({
  requestedAt: timestamp,
  sentAt: timestamp.nullable(),
  status: z.enum(["queued", "sending", "sent", "failed", "bounced", "throttled", "suppressed"]),
  statusReason: z.string().nullable(),
  survey: z.string(),
  store: z.string().nullable(),
  channel: z.enum(["store", "online"]),
  language: z.string(),
  response: responseSchema.nullable(),
});

export const subjectAccessExportSchema = z.strictObject({
  format: z.literal(SUBJECT_ACCESS_FORMAT),
  version: z.literal(SUBJECT_ACCESS_VERSION),
  exportedAt: timestamp,
  controller: z.strictObject({ name: z.string() }),
  /** The same content in words, for a person to read without tools. */
  summary: z.string(),
  person: z.strictObject({
    email: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.string().nullable(),
    externalId: z.string().nullable(),
    segment: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    lastPurchaseAt: timestamp.nullable(),
    addedAt: timestamp,
    erasedAt: timestamp.nullable(),
  }),
  consent: z.strictObject({
    unsubscribedAt: timestamp.nullable(),
    suppressed: z.enum(["bounced", "complained"]).nullable(),
    suppressedAt: timestamp.nullable(),
  }),
  surveyEmails: z.array(surveyEmailSchema),
});

export type SubjectAccessExport = z.infer<typeof subjectAccessExportSchema>;
export type SubjectAccessSurveyEmail = z.infer<typeof surveyEmailSchema>;
