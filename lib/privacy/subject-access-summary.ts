import type { SubjectAccessExport, SubjectAccessSurveyEmail } from "./subject-access-schema";

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const or = (value: string | null, fallback = "none") => value ?? fallback;

function surveyEmailLines(email: SubjectAccessSurveyEmail): string[] {
  const place = email.store ?? "online";
  const lines = [`- ${when(email.sentAt ?? email.requestedAt)}: survey "${email.survey}" (${place}), ${email.status}${email.statusReason ? ` (${email.statusReason})` : ""}`];
  const { response } = email;
  if (!response) return lines;
  lines.push(`  Answered ${response.score} of 10 (${response.category}) on ${when(response.respondedAt)}.`);
  if (response.comment) lines.push(`  Comment: "${response.comment}"`);
  if (response.callbackConsent) lines.push(`  Asked to be called back${response.callbackPhone ? ` on ${response.callbackPhone}` : ""}.`);
  const { followUp } = response;
  if (followUp) {
    const outcome = followUp.outcome ? `, ${followUp.outcome.replace("_", " ")}` : "";
    lines.push(`  Follow-up: ${followUp.status}${outcome}${followUp.closedAt ? ` on ${when(followUp.closedAt)}` : `, due ${when(followUp.dueAt)}`}.`);
    if (followUp.resolution) lines.push(`  Resolution: ${followUp.resolution}`);
    for (const note of followUp.notes) lines.push(`  Note (${when(note.writtenAt)}): ${note.text}`);
  }
  return lines;
}

/** The export in words, for the person to read without tools; the JSON beside it says the same. */
export function subjectAccessSummary(data: Omit<SubjectAccessExport, "summary">): string {
  const { person, consent } = data;
  const mailing = consent.suppressed
    ? `not emailed: address suppressed (${consent.suppressed}) on ${when(consent.suppressedAt!)}`
    : consent.unsubscribedAt
      ? `unsubscribed from survey emails on ${when(consent.unsubscribedAt)}`
      : "receives survey emails";
  return [
    `Data ${data.controller.name} holds on ${person.email}, exported ${when(data.exportedAt)}.`,
    ...(person.erasedAt ? [`Erased on request on ${when(person.erasedAt)}: only anonymous scores remain.`] : []),
    "",
    `Name: ${or(person.name)}. Phone: ${or(person.phone)}. Language: ${or(person.language, "not set")}.`,
    `Customer number: ${or(person.externalId)}. Segment: ${or(person.segment)}. Last purchase: ${person.lastPurchaseAt ? when(person.lastPurchaseAt) : "unknown"}.`,
    `Other details: ${Object.keys(person.attributes).length ? Object.entries(person.attributes).map(([k, v]) => `${k} = ${String(v)}`).join(", ") : "none"}.`,
    `Added ${when(person.addedAt)}. Email: ${mailing}.`,
    "",
    `Survey emails (${data.surveyEmails.length}):`,
    ...data.surveyEmails.flatMap(surveyEmailLines),
  ].join("\n");
}
