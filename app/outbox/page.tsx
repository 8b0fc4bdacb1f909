import { notFound } from "next/navigation";
import { usesOutbox } from "@/lib/env";
import { listOutboxMessages } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

/** Demo only (no SMTP_URL): every mail the app "sent", so a visitor can open a survey or a sign-in link. */
export default async function OutboxPage() {
  if (!usesOutbox()) notFound();
  const messages = await listOutboxMessages();
  return (
    <main className="content">
      <h1>Outbox</h1>
      <p className="muted">
        Demo mode: without <code>SMTP_URL</code>, mail is kept here instead of being sent. <a href="/signin">Sign in</a>
      </p>
      <section className="card">
        {messages.length === 0 && <p className="empty">No mail yet. Send a survey or ask for a sign-in link.</p>}
        <table>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>
                  <a href={`/outbox/${message.id}`}>{message.subject}</a>
                </td>
                <td>{message.to}</td>
                <td className="muted">{message.createdAt.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
