import { ActionForm, CheckboxList, Field } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/schemas";
import { createWebhookAction } from "../actions";

/** For admins: the endpoints that receive events, and whether each is healthy. */
export default async function WebhooksPage() {
  const member = await requireMember(ACCESS["/integrations/webhooks"]);
  const endpoints = await listWebhookEndpoints(member);
  return (
    <>
      <p>
        <a href="/integrations">← Integrations</a>
      </p>
      <h1>Webhooks</h1>
      <p className="muted">
        Each event is POSTed as JSON, signed with the endpoint&apos;s secret (see <a href="/api/v1/docs">the docs</a>). Failed
        deliveries are retried with growing pauses; an endpoint that fails for a day is switched off and you get an email.
      </p>
      <section className="card">
        <h2 className="card-title">Add an endpoint</h2>
        <ActionForm action={createWebhookAction} submitLabel="Add endpoint">
          <Field name="url" label="URL" type="url" placeholder="https://crm.example.com/hooks/nps" />
          <CheckboxList
            name="events"
            label="Events"
            options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e] }))}
            defaultValues={["response.created"]}
          />
        </ActionForm>
      </section>
      <TableCard
        title="Endpoints"
        testId="webhook-endpoints"
        columns={["URL", "Events", "State"]}
        empty="No endpoints yet."
        isEmpty={endpoints.length === 0}
      >
        {endpoints.map((endpoint) => (
          <tr key={endpoint.id}>
            <td>
              <a href={`/integrations/webhooks/${endpoint.id}`}>{endpoint.url}</a>
            </td>
            <td>{(endpoint.events as string[]).join(", ")}</td>
            <td>
              {endpoint.disabledAt ? (
                <span className="badge overdue">switched off</span>
              ) : endpoint.failingSince ? (
                <span className="badge due">failing</span>
              ) : (
                <span className="badge closed">active</span>
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
