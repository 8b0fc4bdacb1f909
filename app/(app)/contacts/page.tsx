import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { searchContacts } from "@/lib/contacts/contact-history";
import { hasRole } from "@/lib/members/members";
import { eraseContactAction } from "./actions";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

const STATUS_BADGE: Record<string, string> = {
  sent: "closed",
  queued: "contacted",
  sending: "contacted",
  throttled: "due",
  suppressed: "due",
  failed: "overdue",
  bounced: "overdue",
};

/** Find a customer and see every survey we sent them, with its status: sent, queued, refused or failed and why. */
export default async function ContactsPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/contacts"]);
  const q = [(await searchParams).q].flat()[0]?.slice(0, 200) ?? "";
  const [contacts, t, format] = await Promise.all([searchContacts(member, q), getTranslations("contactsPage"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const isAdmin = hasRole(member, "admin");
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card">
        <form method="get" className="form inline">
          <div className="field">
            <label htmlFor="q">{t("search")}</label>
            <input id="q" name="q" defaultValue={q} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t("submit")}
            </button>
          </div>
        </form>
        <p className="muted" style={{ marginBottom: 0 }}>
          {t.rich("importHint", { link: (chunks) => <a href="/imports">{chunks}</a> })}
        </p>
      </section>
      <TableCard
        testId="contacts"
        columns={[t("contact"), t("segment"), t("surveys"), ...(isAdmin ? [""] : [])]}
        empty={t("empty")}
        isEmpty={contacts.length === 0}
      >
        {contacts.map((contact) => (
          <tr key={contact.id}>
            <td>
              {contact.name ?? "–"}
              <div className="muted">{contact.email}</div>
              {contact.externalId && <div className="muted">{t("id", { id: contact.externalId })}</div>}
              {contact.erasedAt && <span className="badge overdue">{t("erased")}</span>}
              {contact.unsubscribedAt && !contact.erasedAt && <span className="badge due">{t("unsubscribed")}</span>}
              {contact.suppressedAt && <span className="badge overdue">{contact.suppressionReason}</span>}
              {!contact.erasedAt && (
                // A POST: the export is recorded in the audit log, which a prefetched or scanned GET must not do.
                <form method="post" action={`/contacts/${contact.id}/export`} style={{ marginTop: 4 }}>
                  <button type="submit" className="button secondary">
                    {t("export")}
                  </button>
                </form>
              )}
            </td>
            <td>{contact.segment ?? "–"}</td>
            <td>
              {contact.surveySends.length === 0 && <span className="muted">{t("none")}</span>}
              {contact.surveySends.map((send) => (
                <div key={send.id} style={{ marginBottom: 4 }}>
                  <span className={`badge ${STATUS_BADGE[send.status]}`}>{t(`status.${send.status}`)}</span>{" "}
                  {day(send.status === "sent" ? send.sentAt : send.createdAt)}
                  {` · ${send.store ? send.store.name : t("online")}`}
                  {send.statusReason && <div className="muted">{send.statusReason}</div>}
                </div>
              ))}
            </td>
            {isAdmin && (
              <td>
                {!contact.erasedAt && (
                  <details>
                    <summary>{t("erase")}</summary>
                    <p className="muted">{t("eraseHint")}</p>
                    <ActionForm action={eraseContactAction.bind(null, contact.id)} submitLabel={t("eraseSubmit")} danger />
                  </details>
                )}
              </td>
            )}
          </tr>
        ))}
      </TableCard>
    </>
  );
}
