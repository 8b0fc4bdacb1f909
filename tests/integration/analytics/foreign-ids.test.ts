import { beforeAll, describe, expect, it } from "vitest";
import { listComments } from "@/lib/analytics/comments";
import { createRegion } from "@/lib/stores/stores";
import { getDefaultSurvey } from "@/lib/surveys/surveys";
import { updateTheme } from "@/lib/themes/edit-themes";
import { getTheme, listThemes } from "@/lib/themes/read-themes";
import { NotFoundError, type Member, type TenantWideMember } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { filtersFor } from "./filters-for";

let a: TenantWideMember;
let aManager: Member;
let aOtherStore: string;
const b = { store: "", region: "", survey: "", theme: "" };

beforeAll(async () => {
  const tenantA = await createTenant("Analytics A");
  a = tenantA.admin;
  const aStore = await createTestStore(tenantA.tenant, "A1");
  aOtherStore = (await createTestStore(tenantA.tenant, "A2")).id;
  aManager = await createMember(tenantA.tenant, "store_manager", [aStore.id]);
  const tenantB = await createTenant("Analytics B");
  b.store = (await createTestStore(tenantB.tenant, "B1")).id;
  b.region = (await createRegion(tenantB.tenant, { name: "B region" })).id;
  b.survey = (await getDefaultSurvey(tenantB.tenant)).id;
  b.theme = (await listThemes(tenantB.tenant))[0].id;
});

describe("analytics with another tenant's ids", () => {
  it.each(["store", "region", "survey"] as const)("a %s filter of another tenant is not found", async (name) => {
    await expect(filtersFor(a, { [name]: b[name] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a store manager filtering by a store of their tenant they do not manage is not found", async () => {
    await expect(filtersFor(aManager, { store: aOtherStore })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("another tenant's theme is not found in the comments explorer, nor for editing", async () => {
    await expect(listComments(a, await filtersFor(a), { theme: b.theme })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTheme(a, b.theme)).rejects.toBeInstanceOf(NotFoundError);
    const input = { name: "Hijacked", keywords_en: [], keywords_de: [], keywords_nl: [], keywords_pl: [], keywords_fr: [] };
    await expect(updateTheme(a, b.theme, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});
