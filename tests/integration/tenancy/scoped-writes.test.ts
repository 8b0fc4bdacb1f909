import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { db } from "@/lib/db/client";
import { listRootCauses, setRootCauseArchived } from "@/lib/followups/root-causes";
import { updateSurveySettings } from "@/lib/surveys/surveys";
import { NotFoundError, type Tenant } from "@/lib/tenancy/tenant";
import { createWebhookEndpoint, deleteWebhookEndpoint, enableWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createTenant } from "@/tests/support/factories";

// Writes by id name the tenant in the statement itself ({ id, organizationId }), with no read before them to
// trust: another tenant's id matches no row, is answered NotFoundError, and writes nothing.

let a: Tenant;
let b: { rootCauseId: string; endpointId: string; apiKeyId: string; surveyId: string };

beforeAll(async () => {
  ({ tenant: a } = await createTenant("Writer"));
  const { tenant } = await createTenant("Written about");
  const endpoint = await createWebhookEndpoint(tenant, { url: "https://b.example.test/hook", events: ["response.created"] });
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: new Date(), disabledReason: "Failing" } });
  const { record } = await createApiKey(tenant, { name: "B's CRM" });
  b = {
    rootCauseId: (await listRootCauses(tenant))[0]!.id,
    endpointId: endpoint.id,
    apiKeyId: record.id,
    surveyId: (await db.survey.findFirstOrThrow({ where: tenant })).id,
  };
});

describe("a write naming another tenant's id", () => {
  it("archiving a root cause", async () => {
    await expect(setRootCauseArchived(a, b.rootCauseId, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.rootCause.findUniqueOrThrow({ where: { id: b.rootCauseId } })).toMatchObject({ archivedAt: null });
  });

  it("switching a webhook endpoint back on, and deleting it", async () => {
    await expect(enableWebhookEndpoint(a, b.endpointId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteWebhookEndpoint(a, b.endpointId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: b.endpointId } })).toMatchObject({ disabledReason: "Failing" });
  });

  it("revoking an API key", async () => {
    await expect(revokeApiKey(a, b.apiKeyId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: b.apiKeyId } })).toMatchObject({ revokedAt: null });
  });

  it("changing a survey's settings", async () => {
    await expect(updateSurveySettings(a, b.surveyId, { name: "Hijacked", followUpSlaHours: 1, reviewUrl: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.survey.findUniqueOrThrow({ where: { id: b.surveyId } })).not.toMatchObject({ name: "Hijacked" });
  });
});

describe("the same writes on the tenant's own rows", () => {
  it("archive the cause and return it", async () => {
    const [cause] = await listRootCauses(a);
    const archived = await setRootCauseArchived(a, cause!.id, true, new Date("2026-12-01T09:00:00Z"));
    expect(archived).toMatchObject({ id: cause!.id, archivedAt: new Date("2026-12-01T09:00:00Z") });
  });

  it("switch the endpoint on, then delete it", async () => {
    const endpoint = await createWebhookEndpoint(a, { url: "https://a.example.test/hook", events: ["response.created"] });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: new Date(), disabledReason: "Failing" } });
    expect(await enableWebhookEndpoint(a, endpoint.id)).toMatchObject({ disabledAt: null, disabledReason: null });
    await deleteWebhookEndpoint(a, endpoint.id);
    expect(await db.webhookEndpoint.findUnique({ where: { id: endpoint.id } })).toBeNull();
  });
});
