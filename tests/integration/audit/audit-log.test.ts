import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api/api-keys";
import { listAuditEvents } from "@/lib/audit/audit-events";
import { auditLogCsv } from "@/lib/audit/audit-log-csv";
import { auditFilterOf, auditQuerySchema } from "@/lib/audit/audit-query";
import { db } from "@/lib/db/client";
import { importContacts } from "@/lib/imports/import-contacts";
import { saveSendingPolicy } from "@/lib/sending/policy";
import { sendingPolicyInputSchema } from "@/lib/sending/schemas";
import { createTheme, updateTheme } from "@/lib/themes/edit-themes";
import { themeInputSchema } from "@/lib/themes/schemas";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createMember, createTenant } from "@/tests/support/factories";

const entries = async (tenant: { organizationId: string }, filter = {}) => (await listAuditEvents(tenant, { ...filter, take: 100 })).events;

async function readAll(stream: Readable): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

describe("the audit log", () => {
  it("records who created and revoked an API key, and who created and deleted a webhook with what it was", async () => {
    const { tenant, admin } = await createTenant();
    const { record } = await createApiKey(admin, { name: "Shop system", createdBy: admin.userId });
    await revokeApiKey(admin, record.id);
    await revokeApiKey(admin, record.id); // revoked already: nothing more to record
    const endpoint = await createWebhookEndpoint(admin, { url: "https://hooks.example.test/nps", events: ["response.created"] });
    await deleteWebhookEndpoint(admin, endpoint.id);

    const logged = await entries(tenant, { person: admin.userId });
    expect(logged.filter((e) => e.action !== "member_invited").map((e) => [e.action, e.subject, e.actorEmail]).reverse()).toEqual([
      ["api_key_created", record.id, expect.stringMatching(/^admin-/)],
      ["api_key_revoked", record.id, expect.stringMatching(/^admin-/)],
      ["webhook_created", endpoint.id, expect.stringMatching(/^admin-/)],
      ["webhook_deleted", endpoint.id, expect.stringMatching(/^admin-/)],
    ]);
    expect(logged[0]!.detail).toEqual({ before: { url: "https://hooks.example.test/nps", events: ["response.created"] } });
    expect(JSON.stringify(logged)).not.toContain(record.keyHash);
  });

  it("records a settings change with only the fields it changed, before and after", async () => {
    const { tenant } = await createTenant();
    const cx = await createMember(tenant, "cx_manager");
    await saveSendingPolicy(cx, sendingPolicyInputSchema.parse({ throttleDays: "30", timeZone: "UTC" }));
    await saveSendingPolicy(cx, sendingPolicyInputSchema.parse({ throttleDays: "14", quietHoursStart: "21:00", quietHoursEnd: "08:00", timeZone: "UTC" }));

    const [latest, first] = await entries(tenant, { action: "sending_policy_changed" });
    expect(first).toMatchObject({ actorId: cx.userId, detail: { before: {}, after: {} } });
    expect(latest!.detail).toEqual({
      before: { throttleDays: 30, quietHoursStart: null, quietHoursEnd: null },
      after: { throttleDays: 14, quietHoursStart: 21 * 60, quietHoursEnd: 8 * 60 },
    });
  });

  it("records a theme's keywords before and after", async () => {
    const { tenant } = await createTenant();
    const cx = await createMember(tenant, "cx_manager");
    const theme = await createTheme(cx, themeInputSchema.parse({ name: "Parking", keywords_en: "parking" }));
    await updateTheme(cx, theme.id, themeInputSchema.parse({ name: "Parking", keywords_en: "parking, car park" }));

    const [changed] = await entries(tenant, { action: "theme_changed" });
    expect(changed).toMatchObject({ subject: theme.id, detail: { name: "Parking", before: { keywords: { en: ["parking"] } }, after: { keywords: { en: ["parking", "car park"] } } } });
  });

  it("records an import with its counts", async () => {
    const { tenant, admin } = await createTenant();
    const csv = Readable.from(["email,name\nana@example.test,Ana\nnot-an-email,Bo\n"]);
    const run = await importContacts(admin, { fileName: "crm.csv", csv, createdBy: admin.userId });
    const [imported] = await entries(tenant, { action: "contacts_imported" });
    expect(imported).toMatchObject({ subject: run.id, actorId: admin.userId, detail: { fileName: "crm.csv", status: "done", processedRows: 2, createdRows: 1, rejectedRows: 1 } });
  });

  it("filters by person, kind and day, pages with a cursor, and shows nothing of another tenant", async () => {
    const { tenant, admin } = await createTenant();
    const other = await createTenant();
    const cx = await createMember(tenant, "cx_manager");
    for (const name of ["one", "two", "three"]) await createApiKey(cx, { name });
    await createApiKey(admin, { name: "admin's" });
    await createApiKey(other.admin, { name: "theirs" });
    await db.auditEvent.updateMany({ where: { ...tenant, action: "api_key_created", detail: { path: ["name"], equals: "one" } }, data: { createdAt: new Date("2026-01-10T12:00:00Z") } });

    const byCx = await entries(tenant, { person: cx.userId, action: "api_key_created" });
    expect(byCx.map((e) => (e.detail as { name: string }).name)).toEqual(["three", "two", "one"]);
    const first = await listAuditEvents(tenant, { person: cx.userId, action: "api_key_created", take: 2 });
    const second = await listAuditEvents(tenant, { person: cx.userId, action: "api_key_created", take: 2, cursor: first.nextCursor! });
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(byCx.map((e) => e.id));
    expect(second.nextCursor).toBeNull();

    const january = auditFilterOf(auditQuerySchema.parse({ from: "2026-01-10", to: "2026-01-10" }));
    expect((await entries(tenant, january)).map((e) => (e.detail as { name: string }).name)).toEqual(["one"]);
    expect((await entries(tenant)).some((e) => (e.detail as { name?: string } | null)?.name === "theirs")).toBe(false);
    // Another tenant's entry as the cursor pages nothing of theirs, nor of ours.
    const theirs = (await entries(other.tenant))[0]!;
    expect((await listAuditEvents(tenant, { cursor: theirs.id })).events).toEqual([]);
  });

  it("refuses a malformed filter with a message rather than failing", () => {
    expect(auditQuerySchema.safeParse({ kind: "drop_table" }).error?.issues[0]?.message).toBe("Unknown kind of entry");
    expect(auditQuerySchema.safeParse({ from: "10/01/2026" }).error?.issues[0]?.message).toBe("Dates are YYYY-MM-DD");
  });

  it("exports the filtered log as CSV, streamed in batches, with the detail as JSON", async () => {
    const { tenant, admin } = await createTenant();
    await db.auditEvent.createMany({ data: Array.from({ length: 1_205 }, (_, i) => ({ ...tenant, actorId: admin.userId, action: "job_retried", subject: `job-${i}` })) });
    await createApiKey(admin, { name: "Shop system" });

    const csv = await readAll(auditLogCsv(tenant, { action: "job_retried" }));
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("when,who,kind,subject,detail");
    expect(lines).toHaveLength(1 + 1_205);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[3])).size).toBe(1_205);
    const keys = await readAll(auditLogCsv(tenant, { action: "api_key_created" }));
    expect(keys).toMatch(/,admin-[^,]+,api_key_created,\w+,"\{""name"":""Shop system"",""prefix"":""nps_/);
  });
});
