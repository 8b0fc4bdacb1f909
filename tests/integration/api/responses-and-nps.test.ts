import { beforeAll, describe, expect, it } from "vitest";
import { GET as getNps } from "@/app/api/v1/nps/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getResponses } from "@/app/api/v1/responses/route";
import { getDashboard } from "@/lib/analytics/dashboard";
import { resolveFilters } from "@/lib/analytics/filters";
import { db } from "@/lib/db/client";
import { recordScore } from "@/lib/responses/record-score";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { apiKeyFor, callApi } from "./api-requests";

let tenant: Tenant;
let key: string;
let store: { id: string; code: string };
const responseIds: string[] = [];

beforeAll(async () => {
  ({ tenant } = await createTenant("Reading Shop"));
  key = await apiKeyFor(tenant);
  store = await createTestStore(tenant, "Reader Street");
  const scores = [10, 9, 9, 8, 7, 3, 0, 10, 6, 9];
  for (const [index, score] of scores.entries()) {
    const send = await sendTestSurvey(tenant, { storeId: index % 2 === 0 ? store.id : null });
    const response = await recordScore(send.token, score, new Date(Date.UTC(2026, 10, 1, 10, index)));
    responseIds.push(response.id);
  }
  // Another tenant's responses must never show.
  const { tenant: other } = await createTenant("Other Reading Shop");
  await recordScore((await sendTestSurvey(other)).token, 0);
});

const list = (query = "") => callApi(getResponses, { key, path: `/responses${query}` });

describe("GET /api/v1/responses", () => {
  it("pages through every response of the tenant, newest first, with a cursor, and only the tenant's", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual([...responseIds].reverse());
  });

  it("filters by category, store code and time", async () => {
    const detractors = await list("?category=detractor");
    expect(detractors.body.data.map((r: { score: number }) => r.score).sort()).toEqual([0, 3, 6]);
    const atStore = await list(`?storeCode=${store.code}`);
    expect(atStore.body.data).toHaveLength(5);
    expect(atStore.body.data.every((r: { storeId: string }) => r.storeId === store.id)).toBe(true);
    const window = await list("?from=2026-11-01T10:02:00Z&to=2026-11-01T10:05:00Z");
    expect(window.body.data.map((r: { respondedAt: string }) => r.respondedAt)).toEqual([
      "2026-11-01T10:04:00.000Z",
      "2026-11-01T10:03:00.000Z",
      "2026-11-01T10:02:00.000Z",
    ]);
  });

  it("answers 400 with issues for bad filters and a forged cursor, 404 for another tenant's store", async () => {
    for (const query of ["?limit=0", "?limit=abc", "?category=angry", "?from=yesterday", "?cursor=forged"]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      expect(response.body.issues[0].path[0]).toBe("query");
    }
    const { tenant: other } = await createTenant("Store Owner");
    expect((await list(`?storeCode=${(await createTestStore(other)).code}`)).status).toBe(404);
  });
});

describe("GET /api/v1/nps", () => {
  it("is the dashboard's own summary for the same filters, with n and the margin of error", async () => {
    const response = await callApi(getNps, { key, path: "/nps?period=all" });

    expect(response.status).toBe(200);
    const member = { ...tenant, userId: "test", role: "cx_manager" as const, storeIds: null };
    const dashboard = await getDashboard(member, await resolveFilters(member, { period: "all" }));
    expect(response.body).toMatchObject({
      nps: dashboard.figure.nps,
      marginOfError: dashboard.figure.marginOfError,
      responses: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      sent: dashboard.sent,
      responseRate: dashboard.responseRate,
      tooFew: true,
    });
    expect(response.body.nps).toBe(20);
    expect(response.body.distribution).toEqual([1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2]);
  });

  it("filters by store like the dashboard, and answers 404 for another tenant's store and 400 for bad dates", async () => {
    const atStore = await callApi(getNps, { key, path: `/nps?period=all&store=${store.id}` });
    expect(atStore.body.responses).toBe(5);
    const { tenant: other } = await createTenant("Nps Other");
    const foreign = await createTestStore(other);
    expect((await callApi(getNps, { key, path: `/nps?store=${foreign.id}` })).status).toBe(404);
    expect((await callApi(getNps, { key, path: "/nps?from=2026-02-31" })).status).toBe(400);
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with every endpoint and the request schemas generated from the zod schemas", async () => {
    const document = await (getOpenApi() as Response).json();

    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(["/contacts", "/contacts/{id}", "/nps", "/responses", "/suppressions", "/survey-sends", "/survey-sends/batch"]);
    expect(Object.keys(document.paths["/contacts/{id}"]).sort()).toEqual(["delete", "get", "patch"]);
    const request = document.components.schemas.SurveySendRequest;
    expect(request.required).toEqual(["contact"]);
    expect(Object.keys(request.properties)).toEqual(["contact", "storeCode", "surveyId", "channel", "transactionRef", "sendAt"]);
    expect(document.components.schemas.ContactInput.properties.locale.enum).toEqual(["en", "de", "nl", "pl", "fr"]);
    expect(document.paths["/survey-sends"].post.responses).toHaveProperty("409");
    expect(await db.apiKey.count({ where: tenant })).toBe(1);
  });
});
