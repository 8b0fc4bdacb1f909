import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { forgetAbandonedSignIns } from "@/lib/identity/abandoned-sign-ins";
import { SIGN_IN_MINUTES } from "@/lib/identity/sso-failure";
import { createTenant } from "@/tests/support/factories";

const id = () => randomBytes(8).toString("hex");
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);

async function signInState(organizationId: string, now: Date, age: "finished in time" | "abandoned") {
  const past = age === "abandoned";
  const state = id();
  const request = id();
  const assertion = id();
  await db.ssoSignIn.create({ data: { state, organizationId, nonce: id(), codeVerifier: id(), expires: minutes(past ? -1 : 5, now) } });
  await db.samlRequest.create({ data: { id: request, organizationId, issuedAt: minutes(past ? -SIGN_IN_MINUTES - 1 : -1, now) } });
  await db.samlAssertion.create({ data: { organizationId, assertionId: assertion, expires: minutes(past ? -1 : 5, now) } });
  return { state, request, assertion };
}

async function stillThere(ids: { state: string; request: string; assertion: string }, organizationId: string) {
  const [oidc, request, assertion] = await Promise.all([
    db.ssoSignIn.count({ where: { state: ids.state } }),
    db.samlRequest.count({ where: { id: ids.request } }),
    db.samlAssertion.count({ where: { organizationId, assertionId: ids.assertion } }),
  ]);
  return { oidc, request, assertion };
}

describe("the worker's sweep of abandoned sign-ins", () => {
  it("removes every tenant's unusable sign-in state and keeps what can still be used", async () => {
    const now = new Date();
    const [{ tenant: quiet }, { tenant: busy }] = await Promise.all([createTenant("Quiet SSO"), createTenant("Busy SSO")]);
    const abandoned = await signInState(quiet.organizationId, now, "abandoned");
    const alsoAbandoned = await signInState(busy.organizationId, now, "abandoned");
    const live = await signInState(busy.organizationId, now, "finished in time");

    const removed = await forgetAbandonedSignIns(now);

    expect(removed.oidcSignIns).toBeGreaterThanOrEqual(2);
    expect(await stillThere(abandoned, quiet.organizationId)).toEqual({ oidc: 0, request: 0, assertion: 0 });
    expect(await stillThere(alsoAbandoned, busy.organizationId)).toEqual({ oidc: 0, request: 0, assertion: 0 });
    expect(await stillThere(live, busy.organizationId)).toEqual({ oidc: 1, request: 1, assertion: 1 });
  });
});
