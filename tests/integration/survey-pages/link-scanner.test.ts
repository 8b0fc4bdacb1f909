import { describe, expect, it } from "vitest";
import { GET as clickScore, POST as confirmScore } from "@/app/s/[token]/[score]/route";
import { db } from "@/lib/db/client";
import { SCORES } from "@/lib/responses/nps";
import { routeParams, storeSurvey, surveyRequest } from "./survey-requests";

// A corporate gateway opens all eleven score links of an email within seconds; a customer clicks one.

const open = (token: string, score: number, headers: Record<string, string> = {}) =>
  clickScore(surveyRequest(`/s/${token}/${score}`, { headers, ip: `198.18.0.${score + 1}` }), routeParams({ token, score: String(score) }));

const storedFor = (sendId: string) => db.response.findMany({ where: { surveySendId: sendId }, include: { followUp: true } });

describe("link scanners cannot falsify scores", () => {
  it("a scanner opening all eleven links at once leaves no response and no follow-up", async () => {
    const send = await storeSurvey();
    const statuses = (await Promise.all(SCORES.map((score) => open(send.token, score)))).map((r) => r.status);
    expect(await storedFor(send.id)).toEqual([]);
    expect(statuses.filter((status) => status === 303).length).toBeLessThanOrEqual(2);
    expect(await db.scoreClick.count({ where: { surveySendId: send.id, verdict: "held_burst" } })).toBeGreaterThanOrEqual(9);
  });

  it("a scanner opening the links one after another leaves no response either", async () => {
    const send = await storeSurvey();
    for (const score of SCORES) await open(send.token, score);
    expect(await storedFor(send.id)).toEqual([]);
  });

  it("a request from a non-browser is asked to confirm and records nothing until a person presses the button", async () => {
    const send = await storeSurvey();
    const held = await open(send.token, 2, { "user-agent": "Mozilla/5.0 (compatible; Proofpoint URL Defense)" });
    expect(held.status).toBe(200);
    expect(await held.text()).toContain("Meine Antwort ist 2");
    expect(await storedFor(send.id)).toEqual([]);

    const confirmed = await confirmScore(
      surveyRequest(`/s/${send.token}/2`, { method: "POST", headers: { origin: "http://localhost:3000" } }),
      routeParams({ token: send.token, score: "2" }),
    );
    expect(confirmed.status).toBe(303);
    expect(await storedFor(send.id)).toMatchObject([{ score: 2 }]);
  });

  it("a customer's single click records in one step, and changing their mind once still counts", async () => {
    const send = await storeSurvey();
    expect((await open(send.token, 4)).status).toBe(303);
    expect((await open(send.token, 6)).status).toBe(303);
    expect(await storedFor(send.id)).toMatchObject([{ score: 6, category: "detractor" }]);
  });

  it("a customer's answer with a comment survives a later scan of the same email", async () => {
    const send = await storeSurvey();
    await open(send.token, 3);
    await db.response.update({ where: { surveySendId: send.id }, data: { comment: "Kasse kaputt" } });
    for (const score of [0, 5, 9, 10]) await open(send.token, score);
    expect(await storedFor(send.id)).toMatchObject([{ comment: "Kasse kaputt" }]);
  });
});
