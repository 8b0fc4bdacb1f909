import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";

// The sending rules as pure decisions, the same for every path (form, API, campaign): lib/sending/request-send.ts
// gathers the facts and stores the verdict.

export type SendingPolicy = {
  throttleDays: number;
  quietHoursStart: number | null;
  quietHoursEnd: number | null;
  timeZone: string;
};

export const DEFAULT_POLICY: SendingPolicy = { throttleDays: 30, quietHoursStart: null, quietHoursEnd: null, timeZone: "UTC" };

export type ContactFacts = {
  unsubscribedAt: Date | null;
  suppressedAt: Date | null;
  suppressionReason: "bounced" | "complained" | null;
  erasedAt: Date | null;
  /** The contact's latest survey that went out or is going out (queued, sending or sent). */
  lastSurveyedAt: Date | null;
};

export type SendVerdict =
  | { status: "queued"; sendAfter: Date | null }
  | { status: "throttled" | "suppressed"; reason: string };

/**
 * Whether a survey may go to this contact, and from when. Opted-out, erased, bounced and complained addresses are
 * suppressed for good; a contact surveyed within the throttle window is throttled; otherwise the send is queued,
 * after the requested time and outside the quiet hours (in `timeZone`, the store's or the tenant's).
 */
export function decideSend(input: {
  contact: ContactFacts;
  policy: SendingPolicy;
  timeZone: string;
  requestedAt: Date | null;
  now: Date;
}): SendVerdict {
  const { contact, policy, now } = input;
  if (contact.erasedAt) return { status: "suppressed", reason: "The contact was erased" };
  if (contact.unsubscribedAt) return { status: "suppressed", reason: `Unsubscribed on ${day(contact.unsubscribedAt)}` };
  if (contact.suppressedAt) {
    const why = contact.suppressionReason === "complained" ? "Complained about our mail" : "The address bounced";
    return { status: "suppressed", reason: `${why} on ${day(contact.suppressedAt)}` };
  }
  if (policy.throttleDays > 0 && contact.lastSurveyedAt && addDays(contact.lastSurveyedAt, policy.throttleDays) > now) {
    return {
      status: "throttled",
      reason: `Surveyed on ${day(contact.lastSurveyedAt)}; not again within ${policy.throttleDays} days`,
    };
  }
  const earliest = input.requestedAt && input.requestedAt > now ? input.requestedAt : now;
  const allowed = endOfQuietHours(earliest, policy, input.timeZone);
  return { status: "queued", sendAfter: allowed > now ? allowed : null };
}

/** `at` itself when outside the quiet hours, else the moment they end (local wall clock in `timeZone`). */
export function endOfQuietHours(at: Date, policy: Pick<SendingPolicy, "quietHoursStart" | "quietHoursEnd">, timeZone: string): Date {
  const { quietHoursStart: start, quietHoursEnd: end } = policy;
  if (start === null || end === null) return at;
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const wraps = start > end;
  const quiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return at;
  // Quiet hours that wrap past midnight and started this evening end tomorrow morning.
  const endsTomorrow = wraps && minute >= start;
  const base = endsTomorrow ? addDays(local, 1) : local;
  return new Date(new TZDate(base.getFullYear(), base.getMonth(), base.getDate(), Math.floor(end / 60), end % 60, timeZone).getTime());
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
