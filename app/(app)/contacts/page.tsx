import { getTranslations } from "next-intl/server";
import { ConsentBadges, SendStatus } from "@/components/contacts/send-status";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { searchContacts } from "@/lib/contacts/contact-history";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Find a customer and see every survey we sent them, with its status: sent, queued, refused or failed and why. */
export default async function ContactsPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/contacts"]);
  const q = [(await searchParams).q].flat()[0]?.slice(0, 200) ?? "";
  const [contacts, t] = await Promise.all([searchContacts(member, q), getTranslations("contactsPage")]);
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
      <TableCard testId="contacts" columns={[t("contact"), t("segment"), t("surveys")]} empty={t("empty")} isEmpty={contacts.length === 0}>
        {contacts.map((contact) => (
          <tr key={contact.id}>
            <td>
              <a href={`/contacts/${contact.id}`}>{contact.name ?? contact.email}</a>
              {contact.name && <div className="muted">{contact.email}</div>}
              {contact.externalId && <div className="muted">{t("id", { id: contact.externalId })}</div>}
              <ConsentBadges contact={contact} />
            </td>
            <td>{contact.segment ?? "–"}</td>
            <td>
              {contact.surveySends.length === 0 && <span className="muted">{t("none")}</span>}
              {contact.surveySends.map((send) => (
                <div key={send.id} style={{ marginBottom: 4 }}>
                  <SendStatus send={send} />
                  {` · ${send.store ? send.store.name : t("online")}`}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
