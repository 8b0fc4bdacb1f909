import { describe, expect, it } from "vitest";
import * as contact from "@/app/api/v1/contacts/[id]/route";
import * as contacts from "@/app/api/v1/contacts/route";
import * as nps from "@/app/api/v1/nps/route";
import * as responses from "@/app/api/v1/responses/route";
import * as surveySends from "@/app/api/v1/survey-sends/route";
import * as suppressions from "@/app/api/v1/suppressions/route";
import { revokeApiKey } from "@/lib/api/api-keys";
import { db } from "@/lib/db/client";
import { createTenant } from "@/tests/support/factories";
import { apiKeyFor, callApi } from "./api-requests";

// One unauthorised-access check per endpoint: no key, a made-up key, a revoked key all get the same 401.
const ENDPOINTS = [
  ["POST /survey-sends", surveySends.POST, "POST"],
  ["GET /responses", responses.GET, "GET"],
  ["GET /nps", nps.GET, "GET"],
  ["GET /contacts", contacts.GET, "GET"],
  ["POST /contacts", contacts.POST, "POST"],
  ["GET /contacts/{id}", contact.GET, "GET"],
  ["PATCH /contacts/{id}", contact.PATCH, "PATCH"],
  ["DELETE /contacts/{id}", contact.DELETE, "DELETE"],
  ["POST /suppressions", suppressions.POST, "POST"],
] as const;

describe("the API without a valid key", async () => {
  const { tenant } = await createTenant("Locked Shop");
  const revoked = await apiKeyFor(tenant);
  const revokedId = (await db.apiKey.findFirstOrThrow({ where: { ...tenant }, orderBy: { createdAt: "desc" } })).id;
  await revokeApiKey(tenant, revokedId);
  const someContact = await db.contact.create({ data: { organizationId: tenant.organizationId, email: `locked-${Date.now()}@example.test` } });

  it.each(ENDPOINTS)("%s answers 401 in JSON with no key, a made-up key and a revoked key, and changes nothing", async (_name, handler, method) => {
    for (const key of [null, "nps_madeUpKeyThatWasNeverIssued0000000000000", "not-even-a-key", revoked]) {
      const body = method === "POST" || method === "PATCH" ? { contact: { email: "x@example.test" }, email: "x@example.test", reason: "bounced" } : undefined;
      const response = await callApi(handler as never, { key, method, body, params: { id: someContact.id } });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: "unauthorized" });
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
    expect(await db.contact.findUniqueOrThrow({ where: { id: someContact.id } })).toMatchObject({ erasedAt: null, suppressedAt: null });
    expect(await db.surveySend.count({ where: tenant })).toBe(0);
  });
});
