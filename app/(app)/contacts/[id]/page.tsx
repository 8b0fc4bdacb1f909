import { getFormatter, getTranslations } from "next-intl/server";
import { ConsentBadges, SendStatus } from "@/components/contacts/send-status";
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
  const [t, outcomes, categories, format] = await Promise.all([getTranslations("contactPage"), getTranslations("outcomes"), getTranslations("categories"), getFormatter()]);
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const attributes = Object.entries((contact.attributes ?? {}) as Record<string, unknown>);
  return (
    <>
      <p>
        <a href="/contacts">{t("back")}</a>
      </p>
      <h1>
        {contact.erasedAt ? t("erasedContact") : (contact.name ?? contact.email)} <ConsentBadges contact={contact} />
      </h1>
      <div className="grid two">
        <section className="card" data-testid="contact-details">
          <h2 className="card-title">{t("details")}</h2>
          <dl className="facts">
            <dt>{t("email")}</dt>
            <dd>{contact.email}</dd>
            <dt>{t("phone")}</dt>
            <dd>{contact.phone ?? "–"}</dd>
            <dt>{t("language")}</dt>
            <dd>{contact.locale ?? "–"}</dd>
            <dt>{t("externalId")}</dt>
            <dd>{contact.externalId ?? "–"}</dd>
            <dt>{t("segment")}</dt>
            <dd>{contact.segment ?? "–"}</dd>
            <dt>{t("store")}</dt>
            <dd>{contact.store?.name ?? "–"}</dd>
            <dt>{t("lastPurchase")}</dt>
            <dd>{contact.lastPurchaseAt ? dateTime(contact.lastPurchaseAt) : "–"}</dd>
            {attributes.map(([name, value]) => (
              <div key={name} style={{ display: "contents" }}>
                <dt>{name}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
            <dt>{t("added")}</dt>
            <dd>{dateTime(contact.createdAt)}</dd>
          </dl>
        </section>
        <section className="card" data-testid="contact-consent">
          <h2 className="card-title">{t("consent")}</h2>
          <dl className="facts">
            <dt>{t("surveyEmails")}</dt>
            <dd>
              {contact.erasedAt || contact.unsubscribedAt || contact.suppressedAt ? t("notSent") : t("sent")}
            </dd>
            <dt>{t("unsubscribed")}</dt>
            <dd>{contact.unsubscribedAt ? dateTime(contact.unsubscribedAt) : t("no")}</dd>
            <dt>{t("suppressed")}</dt>
            <dd>{contact.suppressedAt ? `${contact.suppressionReason} · ${dateTime(contact.suppressedAt)}` : t("no")}</dd>
            <dt>{t("erased")}</dt>
            <dd>{contact.erasedAt ? dateTime(contact.erasedAt) : t("no")}</dd>
          </dl>
          {isAdmin && !contact.erasedAt && (
            <div data-testid="contact-data-request">
              <h3>{t("dataRequest")}</h3>
              {/* A POST: the export is recorded in the audit log, which a prefetched or scanned GET must not do. */}
              <form method="post" action={`/contacts/${contact.id}/export`}>
                <button type="submit" className="button secondary">
                  {t("exportData")}
                </button>
              </form>
              <p className="muted">{t("exportHint")}</p>
              <details>
                <summary>{t("erase")}</summary>
                <p className="muted">{t("eraseHint")}</p>
                <ActionForm action={eraseContactAction.bind(null, contact.id)} submitLabel={t("eraseSubmit")} danger />
              </details>
            </div>
          )}
        </section>
      </div>
      <TableCard
        title={t("surveys")}
        testId="contact-surveys"
        columns={[t("surveyEmail"), t("answer"), t("followUp")]}
        empty={t("noSurveys")}
        isEmpty={contact.surveySends.length === 0}
      >
        {contact.surveySends.map((send) => (
          <tr key={send.id}>
            <td>
              <SendStatus send={send} />
              <div className="muted">
                {send.survey.name} · {send.store?.name ?? t("online")}
              </div>
            </td>
            <td>
              {send.response ? (
                <>
                  <strong>{send.response.score}</strong> <span className="muted">{categories(send.response.category)}</span> ·{" "}
                  {dateTime(send.response.respondedAt)}
                  {send.response.comment && <div>“{send.response.comment}”</div>}
                </>
              ) : (
                <span className="muted">{t("noAnswer")}</span>
              )}
            </td>
            <td>
              {send.response?.followUp ? (
                <a href={`/queue/${send.response.followUp.id}`}>
                  {t(`followUpStatus.${send.response.followUp.status}`)}
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
