import { getTranslations } from "next-intl/server";
import { ConsentBadges, dateTime, SendStatus } from "@/components/contacts/send-status";
import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getContactRecord } from "@/lib/contacts/contact-history";
import { hasRole } from "@/lib/members/members";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { eraseContactAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

/** One customer: who they are, whether they may be mailed, every survey, answer and follow-up; for admins, the data request and erasure. */
export default async function ContactPage({ params }: Props) {
  const { id } = await params;
  const member = await requireMember(ACCESS["/contacts/[id]"]);
  const contact = await getContactRecord(member, id).catch(notFoundOnForeignId);
  const isAdmin = hasRole(member, "admin");
  const outcomes = await getTranslations("outcomes");
  const attributes = Object.entries((contact.attributes ?? {}) as Record<string, unknown>);
  return (
    <>
      <p>
        <a href="/contacts">← Contacts</a>
      </p>
      <h1>
        {contact.erasedAt ? "Erased contact" : (contact.name ?? contact.email)} <ConsentBadges contact={contact} />
      </h1>
      <div className="grid two">
        <section className="card" data-testid="contact-details">
          <h2 className="card-title">Details</h2>
          <dl className="facts">
            <dt>Email</dt>
            <dd>{contact.email}</dd>
            <dt>Phone</dt>
            <dd>{contact.phone ?? "–"}</dd>
            <dt>Language</dt>
            <dd>{contact.locale ?? "–"}</dd>
            <dt>External id</dt>
            <dd>{contact.externalId ?? "–"}</dd>
            <dt>Segment</dt>
            <dd>{contact.segment ?? "–"}</dd>
            <dt>Store</dt>
            <dd>{contact.store?.name ?? "–"}</dd>
            <dt>Last purchase</dt>
            <dd>{contact.lastPurchaseAt ? dateTime(contact.lastPurchaseAt) : "–"}</dd>
            {attributes.map(([name, value]) => (
              <div key={name} style={{ display: "contents" }}>
                <dt>{name}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
            <dt>Added</dt>
            <dd>{dateTime(contact.createdAt)}</dd>
          </dl>
        </section>
        <section className="card" data-testid="contact-consent">
          <h2 className="card-title">Consent and suppression</h2>
          <dl className="facts">
            <dt>Survey emails</dt>
            <dd>
              {contact.erasedAt || contact.unsubscribedAt || contact.suppressedAt ? "Not sent to this contact" : "Sent (may be surveyed)"}
            </dd>
            <dt>Unsubscribed</dt>
            <dd>{contact.unsubscribedAt ? dateTime(contact.unsubscribedAt) : "No"}</dd>
            <dt>Suppressed</dt>
            <dd>{contact.suppressedAt ? `${contact.suppressionReason} · ${dateTime(contact.suppressedAt)}` : "No"}</dd>
            <dt>Erased</dt>
            <dd>{contact.erasedAt ? dateTime(contact.erasedAt) : "No"}</dd>
          </dl>
          {isAdmin && !contact.erasedAt && (
            <div data-testid="contact-data-request">
              <h3>Data request</h3>
              {/* A POST: the export is recorded in the audit log, which a prefetched or scanned GET must not do. */}
              <form method="post" action={`/contacts/${contact.id}/export`}>
                <button type="submit" className="button secondary">
                  Export data
                </button>
              </form>
              <p className="muted">A JSON file in a documented format, with a readable summary inside. Recorded in the audit log.</p>
              <details>
                <summary>Erase</summary>
                <p className="muted">
                  Removes name, email, phone, comments and notes; closes their open follow-ups and cancels anything still
                  to be sent. Scores stay in the figures.
                </p>
                <ActionForm action={eraseContactAction.bind(null, contact.id)} submitLabel="Erase for good" danger />
              </details>
            </div>
          )}
        </section>
      </div>
      <TableCard
        title="Surveys, answers and follow-ups"
        testId="contact-surveys"
        columns={["Survey email", "Answer", "Follow-up"]}
        empty="No survey sent to this contact."
        isEmpty={contact.surveySends.length === 0}
      >
        {contact.surveySends.map((send) => (
          <tr key={send.id}>
            <td>
              <SendStatus send={send} />
              <div className="muted">
                {send.survey.name} · {send.store?.name ?? "online"}
              </div>
            </td>
            <td>
              {send.response ? (
                <>
                  <strong>{send.response.score}</strong> <span className="muted">{send.response.category}</span> ·{" "}
                  {dateTime(send.response.respondedAt)}
                  {send.response.comment && <div>“{send.response.comment}”</div>}
                </>
              ) : (
                <span className="muted">no answer</span>
              )}
            </td>
            <td>
              {send.response?.followUp ? (
                <a href={`/queue/${send.response.followUp.id}`}>
                  {send.response.followUp.status}
                  {send.response.followUp.outcome && ` · ${outcomes(send.response.followUp.outcome)}`}
                </a>
              ) : (
                <span className="muted">–</span>
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
