import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { usesOutbox } from "@/lib/env";
import { getOutboxMessage } from "@/lib/mail/outbox";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMessagePage({ params }: Props) {
  if (!usesOutbox()) notFound();
  const { id } = await params;
  const [message, t, format] = await Promise.all([getOutboxMessage(id).catch(notFoundOnForeignId), getTranslations("outbox"), getFormatter()]);
  // Links in the mail open in this window, as they would from a mail client; the frame runs no scripts.
  const html = message.html
    .replace(/<head([^>]*)>/i, '<head$1><base target="_top">')
    .replaceAll('target="_blank"', 'target="_top"');
  return (
    <main className="content">
      <p>
        <a href="/outbox">{t("back")}</a>
      </p>
      <h1>{message.subject}</h1>
      <p className="muted">
        {t("to", { to: message.to, time: format.dateTime(message.createdAt, { dateStyle: "short", timeStyle: "medium" }) })}
      </p>
      <details className="card" data-testid="mail-headers" open>
        <summary>{t("headers")}</summary>
        {message.headerLines.map(([name, value]) => (
          <div key={name} style={{ overflowWrap: "anywhere" }}>
            <code>
              {name}: {value}
            </code>
          </div>
        ))}
      </details>
      <iframe className="mail" title={t("frame")} srcDoc={html} sandbox="allow-top-navigation-by-user-activation allow-popups" />
      <h2>{t("textPart")}</h2>
      <pre className="card" style={{ whiteSpace: "pre-wrap" }}>
        {message.text}
      </pre>
    </main>
  );
}
