import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { notFoundOnForeignId } from "@/lib/tenancy/not-found-page";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { getWebhookEndpoint, listWebhookDeliveries } from "@/lib/webhooks/endpoints";
import { deleteWebhookAction, enableWebhookAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

const when = (date: Date | null) => (date ? date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" }) : "–");

/** One endpoint: its secret, its state and its delivery log (status, attempts, last error). */
export default async function WebhookEndpointPage({ params }: Props) {
  const member = await requireMember(ACCESS["/integrations/webhooks/[id]"]);
  const { id } = await params;
  const [endpoint, deliveries] = await Promise.all([getWebhookEndpoint(member, id), listWebhookDeliveries(member, id)]).catch(
    notFoundOnForeignId,
  );
  return (
    <>
      <p>
        <a href="/integrations/webhooks">← Webhooks</a>
      </p>
      <h1 style={{ wordBreak: "break-all" }}>{endpoint.url}</h1>
      <section className="card">
        <p>
          Events: {(endpoint.events as string[]).join(", ")}
          <br />
          Signing secret: <code data-testid="webhook-secret">{endpoint.secret}</code>
        </p>
        {endpoint.disabledAt && (
          <>
            <p className="field-error">
              Switched off {when(endpoint.disabledAt)}: {endpoint.disabledReason}
            </p>
            <ActionForm action={enableWebhookAction.bind(null, endpoint.id)} submitLabel="Switch on again" />
          </>
        )}
        {!endpoint.disabledAt && endpoint.failingSince && (
          <p className="field-error">Failing since {when(endpoint.failingSince)}.</p>
        )}
        <details style={{ marginTop: 12 }}>
          <summary>Delete this endpoint</summary>
          <ActionForm action={deleteWebhookAction.bind(null, endpoint.id)} submitLabel="Delete" danger />
        </details>
      </section>
      <TableCard
        title="Deliveries"
        testId="webhook-deliveries"
        columns={["Event", "Created", "Status", { label: "Attempts", numeric: true }, "Last answer", "Next attempt"]}
        empty="Nothing delivered yet."
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
                {delivery.status}
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
