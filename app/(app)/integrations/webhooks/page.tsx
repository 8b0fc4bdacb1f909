import { getTranslations } from "next-intl/server";
import { ActionForm, CheckboxList, Field } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/schemas";
import { createWebhookAction } from "../actions";

/** For admins: the endpoints that receive events, and whether each is healthy. */
export default async function WebhooksPage() {
  const member = await requireMember(ACCESS["/integrations/webhooks"]);
  const [endpoints, t] = await Promise.all([listWebhookEndpoints(member), getTranslations("webhooksPage")]);
  // Message keys cannot hold dots: "response.created" is "event.response_created".
  const eventLabel = (event: WebhookEvent) => t(`event.${event.replace(".", "_") as "response_created"}`);
  return (
    <>
      <p>
        <a href="/integrations">{t("back")}</a>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">{t.rich("intro", { docs: (chunks) => <a href="/api/v1/docs">{chunks}</a> })}</p>
      <section className="card">
        <h2 className="card-title">{t("add")}</h2>
        <ActionForm action={createWebhookAction} submitLabel={t("addSubmit")}>
          <Field name="url" label={t("url")} type="url" placeholder="https://crm.example.com/hooks/nps" />
          <CheckboxList
            name="events"
            label={t("events")}
            options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: eventLabel(e) }))}
            defaultValues={["response.created"]}
          />
        </ActionForm>
      </section>
      <TableCard
        title={t("endpoints")}
        testId="webhook-endpoints"
        columns={[t("url"), t("events"), t("state")]}
        empty={t("empty")}
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
                <span className="badge overdue">{t("switchedOff")}</span>
              ) : endpoint.failingSince ? (
                <span className="badge due">{t("failing")}</span>
              ) : (
                <span className="badge closed">{t("active")}</span>
              )}
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
