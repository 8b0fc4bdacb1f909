import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { usesOutbox } from "@/lib/env";
import { listOutboxMessages } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

/** Demo only (no SMTP_URL): every mail the app "sent", so a visitor can open a survey or a sign-in link. */
export default async function OutboxPage() {
  if (!usesOutbox()) notFound();
  const [messages, t, format] = await Promise.all([listOutboxMessages(), getTranslations("outbox"), getFormatter()]);
  return (
    <main className="content">
      <h1>{t("title")}</h1>
      <p className="muted">
        {t.rich("intro", { code: (chunks) => <code>{chunks}</code>, signin: (chunks) => <a href="/signin">{chunks}</a> })}
      </p>
      <section className="card">
        {messages.length === 0 && <p className="empty">{t("empty")}</p>}
        <table>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>
                  <a href={`/outbox/${message.id}`}>{message.subject}</a>
                </td>
                <td>{message.to}</td>
                <td className="muted">{format.dateTime(message.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
