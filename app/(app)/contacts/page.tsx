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
const day = (date: Date) => date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Find a customer and see every survey we sent them, with its status: sent, queued, refused or failed and why. */
export default async function ContactsPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/contacts"]);
  const q = [(await searchParams).q].flat()[0]?.slice(0, 200) ?? "";
  const contacts = await searchContacts(member, q);
  const isAdmin = hasRole(member, "admin");
  return (
    <>
      <h1>Contacts</h1>
      <section className="card">
        <form method="get" className="form inline">
          <div className="field">
            <label htmlFor="q">Email, name or external id</label>
            <input id="q" name="q" defaultValue={q} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </form>
        <p className="muted" style={{ marginBottom: 0 }}>
          Add or update many at once with a <a href="/imports">CSV import</a>.
        </p>
      </section>
      <TableCard
        testId="contacts"
        columns={["Contact", "Segment", "Surveys", ...(isAdmin ? [""] : [])]}
        empty="No contact found."
        isEmpty={contacts.length === 0}
      >
        {contacts.map((contact) => (
          <tr key={contact.id}>
            <td>
              {contact.name ?? "–"}
              <div className="muted">{contact.email}</div>
              {contact.externalId && <div className="muted">ID {contact.externalId}</div>}
              {contact.erasedAt && <span className="badge overdue">erased</span>}
              {contact.unsubscribedAt && !contact.erasedAt && <span className="badge due">unsubscribed</span>}
              {contact.suppressedAt && <span className="badge overdue">{contact.suppressionReason}</span>}
              {!contact.erasedAt && (
                // A POST: the export is recorded in the audit log, which a prefetched or scanned GET must not do.
                <form method="post" action={`/contacts/${contact.id}/export`} style={{ marginTop: 4 }}>
                  <button type="submit" className="button secondary">Export data (JSON)</button>
                </form>
              )}
            </td>
            <td>{contact.segment ?? "–"}</td>
            <td>
              {contact.surveySends.length === 0 && <span className="muted">none</span>}
              {contact.surveySends.map((send) => (
                <div key={send.id} style={{ marginBottom: 4 }}>
                  <span className={`badge ${STATUS_BADGE[send.status]}`}>{send.status}</span>{" "}
                  {day(send.status === "sent" ? send.sentAt : send.createdAt)}
                  {send.store ? ` · ${send.store.name}` : " · online"}
                  {send.statusReason && <div className="muted">{send.statusReason}</div>}
                </div>
              ))}
            </td>
            {isAdmin && (
              <td>
                {!contact.erasedAt && (
                  <details>
                    <summary>Erase</summary>
                    <p className="muted">Removes name, email, phone, comments and notes. Scores stay in the figures.</p>
                    <ActionForm action={eraseContactAction.bind(null, contact.id)} submitLabel="Erase for good" danger />
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
