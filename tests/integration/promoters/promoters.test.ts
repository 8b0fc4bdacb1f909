import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPromoterFunnel, referralLinkFor, trackPromoterClick } from "@/lib/promoters/promoter-clicks";
import { promoterLinks } from "@/lib/promoters/promoter-links";
import { getSurveyLink } from "@/lib/responses/survey-link";
import { NotFoundError } from "@/lib/tenancy/tenant";
import { createMember, createTenant, createTestStore } from "@/tests/support/factories";
import { respond } from "../responses/respond";

const T = new Date("2026-11-10T10:00:00Z");
const RANGE = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") };

async function promoterShop() {
  const { tenant, admin } = await createTenant("Promoter Shop");
  await db.survey.updateMany({ where: tenant, data: { reviewUrl: "https://reviews.example/shop", referralUrl: "https://shop.example/refer" } });
  const store = await createTestStore(tenant, "Harbour Road");
  return { tenant, admin, store };
}

describe("the promoter page's invitations", () => {
  it("link to the tracking redirect, and the review goes to the store's own review page when it has one", async () => {
    const { tenant, store } = await promoterShop();
    await db.store.update({ where: { id: store.id }, data: { reviewUrl: "https://maps.example/harbour-road" } });
    const { send } = await respond(tenant, 10, { storeId: store.id, at: T });

    const link = await getSurveyLink(send.token);
    expect(promoterLinks(link)).toEqual({
      reviewHref: `http://localhost:3000/r/${send.token}/review`,
      referralHref: `http://localhost:3000/r/${send.token}/referral`,
    });
    expect(await trackPromoterClick(send.token, "review")).toBe("https://maps.example/harbour-road");
  });

  it("counts promoters asked, and each kind of click once however often it is clicked", async () => {
    const { tenant, admin } = await promoterShop();
    const [a, b, c] = [await respond(tenant, 9, { at: T }), await respond(tenant, 10, { at: T }), await respond(tenant, 10, { at: T })];
    await respond(tenant, 5, { at: T });

    await trackPromoterClick(a.send.token, "review", T);
    await trackPromoterClick(a.send.token, "review", T);
    await trackPromoterClick(a.send.token, "referral", T);
    await trackPromoterClick(b.send.token, "referral", T);

    expect(await getPromoterFunnel(admin, { range: RANGE })).toEqual({ asked: 3, clickedReview: 1, clickedReferral: 2 });
    expect(c.response.category).toBe("promoter");
  });

  it("gives the promoter a referral code of their own, the same every time", async () => {
    const { tenant } = await promoterShop();
    const { send } = await respond(tenant, 10, { at: T });

    const first = await referralLinkFor(send.token);
    const second = await referralLinkFor(send.token);

    expect(first.shareUrl).toMatch(/^https:\/\/shop\.example\/refer\?ref=[0-9A-F]{8}$/);
    expect(second.shareUrl).toBe(first.shareUrl);
  });

  it("shows a store manager only their own stores' promoters", async () => {
    const { tenant, store } = await promoterShop();
    const manager = await createMember(tenant, "store_manager", [store.id]);
    const mine = await respond(tenant, 10, { storeId: store.id, at: T });
    await respond(tenant, 10, { at: T });
    await trackPromoterClick(mine.send.token, "review", T);

    expect(await getPromoterFunnel(manager, { range: RANGE })).toEqual({ asked: 1, clickedReview: 1, clickedReferral: 0 });
  });

  it("counts the promoters of the dashboard's view: its stores, channel, survey and segment", async () => {
    const { tenant, admin, store } = await promoterShop();
    const other = await createTestStore(tenant, "Other");
    const inStore = await respond(tenant, 10, { storeId: store.id, at: T });
    await respond(tenant, 9, { storeId: other.id, at: T });
    await respond(tenant, 10, { at: T });
    await trackPromoterClick(inStore.send.token, "referral", T);

    expect(await getPromoterFunnel(admin, { range: RANGE, storeIds: [store.id] })).toEqual({ asked: 1, clickedReview: 0, clickedReferral: 1 });
    expect(await getPromoterFunnel(admin, { range: RANGE, storeIds: null, channel: "online" })).toEqual({ asked: 1, clickedReview: 0, clickedReferral: 0 });
    expect(await getPromoterFunnel(admin, { range: RANGE, storeIds: null, channel: "store" })).toMatchObject({ asked: 2 });
    expect(await getPromoterFunnel(admin, { range: RANGE, storeIds: null, surveyId: inStore.response.surveyId })).toMatchObject({ asked: 3 });
    expect(await getPromoterFunnel(admin, { range: RANGE, storeIds: null, surveyId: "another survey" })).toMatchObject({ asked: 0 });
    expect(await getPromoterFunnel(admin, { range: RANGE, storeIds: null, segment: "Gold" })).toMatchObject({ asked: 0 });
  });

  it("asks nobody when the tenant has no review or referral page, and the redirect knows no such link", async () => {
    const { tenant, admin } = await createTenant("No Links");
    await db.survey.updateMany({ where: tenant, data: { reviewUrl: null } });
    const { send } = await respond(tenant, 10, { at: T });

    expect(await getPromoterFunnel(admin, { range: RANGE })).toEqual({ asked: 0, clickedReview: 0, clickedReferral: 0 });
    await expect(trackPromoterClick(send.token, "review")).rejects.toBeInstanceOf(NotFoundError);
    await expect(trackPromoterClick("A".repeat(32), "review")).rejects.toBeInstanceOf(NotFoundError);
  });
});
