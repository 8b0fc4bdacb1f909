import { useFormatter, useTranslations } from "next-intl";
import type { SurveySendStatus } from "@/lib/generated/prisma/enums";

const STATUS_BADGE: Record<SurveySendStatus, string> = {
  sent: "closed",
  queued: "contacted",
  sending: "contacted",
  throttled: "due",
  suppressed: "due",
  failed: "overdue",
  bounced: "overdue",
};

/** A survey email's state in the sending engine, with why it was refused or failed. */
export function SendStatus({ send }: { send: { status: SurveySendStatus; statusReason: string | null; createdAt: Date; sentAt: Date } }) {
  const format = useFormatter();
  const t = useTranslations("contactsPage.status");
  return (
    <>
      <span className={`badge ${STATUS_BADGE[send.status]}`}>{t(send.status)}</span>{" "}
      {format.dateTime(send.status === "sent" ? send.sentAt : send.createdAt, { dateStyle: "medium", timeStyle: "short" })}
      {send.statusReason && <div className="muted">{send.statusReason}</div>}
    </>
  );
}

/** Whether the contact may be mailed, and if not why: the badges of the contacts list and the contact page. */
export function ConsentBadges({ contact }: { contact: { erasedAt: Date | null; unsubscribedAt: Date | null; suppressedAt: Date | null; suppressionReason: string | null } }) {
  const t = useTranslations("sendStatus");
  return (
    <>
      {contact.erasedAt && <span className="badge overdue">{t("erased")}</span>}
      {contact.unsubscribedAt && !contact.erasedAt && <span className="badge due">{t("unsubscribed")}</span>}
      {contact.suppressedAt && <span className="badge overdue">{contact.suppressionReason}</span>}
    </>
  );
}
