import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSession } from "@/lib/identity/sessions";
import { createScimToken, revokeScimToken } from "@/lib/identity/scim/scim-tokens";
import { addGroupMapping } from "@/lib/identity/sso-connections";
import { findMemberForUser } from "@/lib/members/members";
import type { Tenant } from "@/lib/tenancy/tenant";
import { createTenant, createTestStore } from "@/tests/support/factories";
import { scim } from "./scim-requests";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

async function provisionedTenant() {
  const { tenant, admin } = await createTenant("Provisioned Retail");
  const [store1234, store5678] = [await createTestStore(tenant, "Store 1234"), await createTestStore(tenant, "Store 5678")];
  await addGroupMapping(admin, { group: "nps-store-1234", role: "store_manager", storeId: store1234.id });
  await addGroupMapping(admin, { group: "nps-store-5678", role: "store_manager", storeId: store5678.id });
  await addGroupMapping(admin, { group: "nps-cx", role: "cx_manager", storeId: null });
  await addGroupMapping(admin, { group: "nps-admins", role: "admin", storeId: null });
  const token = await createScimToken(admin, "Okta");
  return { tenant, admin, token, store1234, store5678 };
}

const email = () => `${randomBytes(4).toString("hex")}@retail.example.test`;

async function memberOf(tenant: Tenant, userName: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email: userName } });
  return { userId: user.id, member: await findMemberForUser(user.id, tenant.organizationId), sessions: await db.session.count({ where: { userId: user.id } }) };
}

describe("SCIM provisioning, replaying Okta's requests", () => {
  it("creates a user, grants access through group push, and ends access and sessions when the user is deactivated", async () => {
    const { tenant, token, store1234 } = await provisionedTenant();
    const userName = email();

    // Okta first looks the person up, then creates them.
    const lookup = await scim(token, "GET", `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`);
    expect(lookup).toMatchObject({ status: 200, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, Resources: [] } });
    expect(lookup.contentType).toBe("application/scim+json");
    const created = await scim(token, "POST", "/scim/v2/Users", {
      schemas: [USER],
      userName,
      name: { givenName: "Olga", familyName: "Okta" },
      emails: [{ primary: true, value: userName, type: "work" }],
      displayName: "Olga Okta",
      active: true,
      groups: [],
    });
    expect(created).toMatchObject({ status: 201, body: { userName, active: true, displayName: "Olga Okta" } });
    const id = created.body.id as string;
    // Provisioned but in no mapped group yet: not a member.
    expect((await memberOf(tenant, userName)).member).toBeNull();

    // Group push: the group is created, then the member added.
    const group = await scim(token, "POST", "/scim/v2/Groups", { schemas: [GROUP], displayName: "nps-store-1234", members: [] });
    expect(group.status).toBe(201);
    const added = await scim(token, "PATCH", `/scim/v2/Groups/${group.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "members", value: [{ value: id, display: userName }] }],
    });
    expect(added.status).toBe(204);
    const granted = await memberOf(tenant, userName);
    expect(granted.member).toMatchObject({ role: "store_manager", storeIds: [store1234.id] });

    await createSession(granted.userId, "oidc", null);
    expect((await memberOf(tenant, userName)).sessions).toBe(1);

    // Okta deactivates with a value object and no path.
    const deactivated = await scim(token, "PATCH", `/scim/v2/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
    expect(deactivated).toMatchObject({ status: 200, body: { active: false } });
    expect(await memberOf(tenant, userName)).toMatchObject({ member: null, sessions: 0 });
    expect(await db.auditEvent.findMany({ where: { organizationId: tenant.organizationId, subject: granted.userId }, select: { action: true } })).toEqual(
      expect.arrayContaining([{ action: "scim_user_provisioned" }, { action: "member_access_granted" }, { action: "member_access_revoked" }, { action: "session_ended" }]),
    );

    // Reactivated: the groups still hold, access comes back.
    await scim(token, "PATCH", `/scim/v2/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: true } }] });
    expect((await memberOf(tenant, userName)).member).toMatchObject({ role: "store_manager" });
  });

  it("replaces a user with PUT, finds them by filter, pages through users and deletes them", async () => {
    const { tenant, token } = await provisionedTenant();
    const names = [email(), email(), email()];
    const ids: string[] = [];
    for (const userName of names) ids.push((await scim(token, "POST", "/scim/v2/Users", { schemas: [USER], userName, active: true })).body.id);

    const page = await scim(token, "GET", "/scim/v2/Users?startIndex=2&count=1");
    expect(page.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1, Resources: [{ id: ids[1] }] });

    const replaced = await scim(token, "PUT", `/scim/v2/Users/${ids[0]}`, { schemas: [USER], userName: names[0], displayName: "Renamed Person", externalId: "00u1", active: true });
    expect(replaced.body).toMatchObject({ displayName: "Renamed Person", externalId: "00u1" });
    const found = await scim(token, "GET", `/scim/v2/Users?filter=${encodeURIComponent('externalId eq "00u1"')}`);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: ids[0] }] });

    expect((await scim(token, "DELETE", `/scim/v2/Users/${ids[0]}`)).status).toBe(204);
    expect(await scim(token, "GET", `/scim/v2/Users/${ids[0]}`)).toMatchObject({
      status: 404,
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404" },
    });
    expect(await db.scimUser.count({ where: { organizationId: tenant.organizationId } })).toBe(2);
  });
});

describe("SCIM provisioning, replaying Microsoft Entra ID's requests", () => {
  it("follows Entra's create, group membership and 'Replace active False' requests", async () => {
    const { tenant, token, store1234, store5678 } = await provisionedTenant();
    const userName = email();
    // Entra checks for the user by userName, then creates with its own shape (externalId is its object id).
    expect((await scim(token, "GET", `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body.totalResults).toBe(0);
    const created = await scim(token, "POST", "/scim/v2/Users", {
      schemas: [USER, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      externalId: "a1b2c3-entra",
      userName,
      active: true,
      displayName: "Erin Entra",
      emails: [{ primary: true, type: "work", value: userName }],
      meta: { resourceType: "User" },
      name: { formatted: "Erin Entra", familyName: "Entra", givenName: "Erin" },
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Retail" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // Entra looks groups up by displayName (without their members), creates them, then adds members one op each.
    const groups: Record<string, string> = {};
    for (const displayName of ["nps-store-1234", "nps-store-5678", "nps-cx"]) {
      const lookup = await scim(token, "GET", `/scim/v2/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`);
      expect(lookup.body.totalResults).toBe(0);
      groups[displayName] = (await scim(token, "POST", "/scim/v2/Groups", { schemas: [GROUP], externalId: `entra-${displayName}`, displayName, members: [] })).body.id;
    }
    const addTo = (group: string) =>
      scim(token, "PATCH", `/scim/v2/Groups/${groups[group]}`, { schemas: [PATCH_OP], Operations: [{ op: "Add", path: "members", value: [{ value: id }] }] });
    const removeFrom = (group: string) =>
      scim(token, "PATCH", `/scim/v2/Groups/${groups[group]}`, { schemas: [PATCH_OP], Operations: [{ op: "Remove", path: "members", value: [{ value: id }] }] });

    await addTo("nps-store-1234");
    await addTo("nps-store-5678");
    expect((await memberOf(tenant, userName)).member).toMatchObject({ role: "store_manager", storeIds: [store1234.id, store5678.id].sort() });

    await addTo("nps-cx");
    expect((await memberOf(tenant, userName)).member).toMatchObject({ role: "cx_manager", storeIds: null });

    // Okta's remove names the member in the path; the person is a store manager again, then has no group left.
    await scim(token, "PATCH", `/scim/v2/Groups/${groups["nps-cx"]}`, { schemas: [PATCH_OP], Operations: [{ op: "remove", path: `members[value eq "${id}"]` }] });
    expect((await memberOf(tenant, userName)).member).toMatchObject({ role: "store_manager" });
    await removeFrom("nps-store-1234");
    expect((await memberOf(tenant, userName)).member).toMatchObject({ storeIds: [store5678.id] });
    const { userId } = await memberOf(tenant, userName);
    await createSession(userId, "oidc", null);
    await removeFrom("nps-store-5678");
    expect(await memberOf(tenant, userName)).toMatchObject({ member: null, sessions: 0 });

    // Back in a group, then Entra's soft delete: "Replace", path "active", the text "False".
    await addTo("nps-cx");
    expect((await memberOf(tenant, userName)).member).toMatchObject({ role: "cx_manager" });
    const disabled = await scim(token, "PATCH", `/scim/v2/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(disabled).toMatchObject({ status: 200, body: { active: false } });
    expect((await memberOf(tenant, userName)).member).toBeNull();

    // Entra renames with a path and changes other attributes it has, some this app does not keep.
    const renamed = await scim(token, "PATCH", `/scim/v2/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "displayName", value: "Erin E." },
        { op: "Add", path: 'emails[type eq "work"].value', value: userName },
        { op: "Replace", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "HQ" },
      ],
    });
    expect(renamed).toMatchObject({ status: 200, body: { displayName: "Erin E.", active: false } });
  });

  it("answers bad requests in the RFC's error format", async () => {
    const { token } = await provisionedTenant();
    expect(await scim(token, "GET", `/scim/v2/Users?filter=${encodeURIComponent('name.familyName co "x"')}`)).toMatchObject({
      status: 400,
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "400", scimType: "invalidFilter" },
    });
    expect(await scim(token, "POST", "/scim/v2/Users", { schemas: [USER] })).toMatchObject({ status: 400, body: { status: "400", scimType: "invalidValue" } });
    const userName = email();
    await scim(token, "POST", "/scim/v2/Users", { schemas: [USER], userName });
    expect(await scim(token, "POST", "/scim/v2/Users", { schemas: [USER], userName })).toMatchObject({ status: 409, body: { status: "409", scimType: "uniqueness" } });
    expect(await scim(token, "PATCH", "/scim/v2/Users/nope", { Operations: [{ op: "replace", value: { active: false } }] })).toMatchObject({ status: 404 });
    expect(await scim("scim_not-a-real-token", "GET", "/scim/v2/Users")).toMatchObject({ status: 401, body: { status: "401" } });
  });
});

describe("SCIM tokens and tenants", () => {
  it("another tenant's token sees and changes nothing of this tenant's users and groups", async () => {
    const mine = await provisionedTenant();
    const theirs = await provisionedTenant();
    const userName = email();
    const user = (await scim(mine.token, "POST", "/scim/v2/Users", { schemas: [USER], userName })).body;
    const group = (await scim(mine.token, "POST", "/scim/v2/Groups", { schemas: [GROUP], displayName: "nps-cx", members: [{ value: user.id }] })).body;
    expect((await memberOf(mine.tenant, userName)).member).toMatchObject({ role: "cx_manager" });

    expect((await scim(theirs.token, "GET", `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body.totalResults).toBe(0);
    for (const [method, path, body] of [
      ["GET", `/scim/v2/Users/${user.id}`, undefined],
      ["PUT", `/scim/v2/Users/${user.id}`, { schemas: [USER], userName, active: false }],
      ["PATCH", `/scim/v2/Users/${user.id}`, { Operations: [{ op: "replace", value: { active: false } }] }],
      ["DELETE", `/scim/v2/Users/${user.id}`, undefined],
      ["GET", `/scim/v2/Groups/${group.id}`, undefined],
      ["PATCH", `/scim/v2/Groups/${group.id}`, { Operations: [{ op: "remove", path: `members[value eq "${user.id}"]` }] }],
      ["PUT", `/scim/v2/Groups/${group.id}`, { schemas: [GROUP], displayName: "nps-cx", members: [] }],
      ["DELETE", `/scim/v2/Groups/${group.id}`, undefined],
    ] as const) {
      expect((await scim(theirs.token, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    // Their own group cannot take our user as a member either.
    const theirGroup = (await scim(theirs.token, "POST", "/scim/v2/Groups", { schemas: [GROUP], displayName: "nps-admins", members: [] })).body;
    expect((await scim(theirs.token, "PATCH", `/scim/v2/Groups/${theirGroup.id}`, { Operations: [{ op: "add", path: "members", value: [{ value: user.id }] }] })).status).toBe(400);

    expect((await memberOf(mine.tenant, userName)).member).toMatchObject({ role: "cx_manager" });
    expect((await memberOf(theirs.tenant, userName)).member).toBeNull();
  });

  it("a revoked token is refused", async () => {
    const { admin, token } = await provisionedTenant();
    const tokenId = (await db.scimToken.findFirstOrThrow({ where: { organizationId: admin.organizationId } })).id;
    await revokeScimToken(admin, tokenId);
    expect((await scim(token, "GET", "/scim/v2/Users")).status).toBe(401);
    expect(await db.scimToken.findUniqueOrThrow({ where: { id: tokenId } })).toMatchObject({ tokenHash: expect.not.stringContaining(token) });
  });
});
