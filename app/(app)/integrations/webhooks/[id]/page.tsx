import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/endpoints";
import { deleteWebhookAction, enableWebhookAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

/** One endpoint: its secret, its state and its delivery log (status, attempts, last error). */
export default async function WebhookEndpointPage({ params }: Props) {
  const member = await requireMember(ACCESS["/integrations/webhooks/[id]"]);
  const { id } = await params;
  const [endpoint, deliveries] = await Promise.all([getWebhookEndpoint(member, id), listWebhookDeliveries(member, id)]).catch(
    notFoundOnForeignId,
  );
  const [t, format] = await Promise.all([getTranslations("webhookPage"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" }) : "–");
  return (
    <>
      <p>
        <a href="/integrations/webhooks">{t("back")}</a>
      </p>
      <h1 style={{ wordBreak: "break-all" }}>{endpoint.url}</h1>
      <section className="card">
        <p>
          {t("events", { events: (endpoint.events as string[]).join(", ") })}
          <br />
          {t("secret")} <code data-testid="webhook-secret">{endpoint.secret}</code>
        </p>
        {endpoint.disabledAt && (
          <>
            <p className="field-error">{t("switchedOff", { time: when(endpoint.disabledAt), reason: endpoint.disabledReason ?? "" })}</p>
            <ActionForm action={enableWebhookAction.bind(null, endpoint.id)} submitLabel={t("switchOn")} />
          </>
        )}
        {!endpoint.disabledAt && endpoint.failingSince && (
          <p className="field-error">{t("failingSince", { time: when(endpoint.failingSince) })}</p>
        )}
        <details style={{ marginTop: 12 }}>
          <summary>{t("delete")}</summary>
          <ActionForm action={deleteWebhookAction.bind(null, endpoint.id)} submitLabel={t("deleteSubmit")} danger />
        </details>
      </section>
      <TableCard
        title={t("deliveries")}
        testId="webhook-deliveries"
        columns={[t("event"), t("created"), t("status"), { label: t("attempts"), numeric: true }, t("lastAnswer"), t("nextAttempt")]}
        empty={t("empty")}
        isEmpty={deliveries.length === 0}
      >
        {deliveries.map((delivery) => (
          <tr key={delivery.id}>
            <td>{delivery.event}</td>
            <td>{when(delivery.createdAt)}</td>
            <td>
              <span
                className={`badge ${delivery.status === "delivered" ? "closed" : delivery.status === "failed" ? "overdue" : "due"}`}
              >
                {t("state", { status: delivery.status })}
              </span>
            </td>
            <td className="num">{delivery.attempts}</td>
            <td className="error-text">
              {delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : "–")}
            </td>
            <td>{delivery.status === "pending" ? when(delivery.nextAttemptAt) : "–"}</td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
