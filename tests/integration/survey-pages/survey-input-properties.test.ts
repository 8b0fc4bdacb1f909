import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET as landing } from "@/app/s/[token]/route";
import { GET as clickScore } from "@/app/s/[token]/[score]/route";
import { POST as postComment } from "@/app/s/[token]/comment/route";
import { db } from "@/lib/db/client";
import { routeParams, storeSurvey, surveyRequest } from "./survey-requests";

// Whatever a customer, a broken mail client or an attacker sends to the public survey pages: a clear answer,
// never a 5xx, and nothing half-written.

// 429 too: arbitrary tokens repeat (the empty string above all), and each token has a budget of requests.
const ANSWERS = new Set([200, 303, 400, 404, 429]);
let client = 0;
const nextIp = () => `192.0.2.${(client++ % 250) + 1}`;

const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 3000 }), fc.constantFrom("", " ", "\u0000", "%00", "../"));

describe("the public survey pages under arbitrary input", () => {
  it("answer any token and any score with 303, 400 or 404", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (token, score) => {
        const response = await clickScore(surveyRequest(`/s/x/y`, { ip: nextIp() }), routeParams({ token, score }));
        expect(ANSWERS).toContain(response.status);
        const page = await landing(surveyRequest(`/s/x`, { ip: nextIp() }), routeParams({ token }));
        expect(ANSWERS).toContain(page.status);
      }),
      { numRuns: 150 },
    );
  });

  it("store a valid score exactly, and nothing for an invalid one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -5, max: 15 }).map(String), anyText), async (score) => {
        // A fresh email each time: many different scores on one email within seconds is a link scanner's burst.
        const send = await storeSurvey();
        const before = await db.response.findUnique({ where: { surveySendId: send.id } });
        const response = await clickScore(surveyRequest(`/s/t/s`, { ip: nextIp() }), routeParams({ token: send.token, score }));
        const after = await db.response.findUnique({ where: { surveySendId: send.id } });
        if (/^(10|[0-9])$/.test(score)) {
          expect(response.status).toBe(303);
          expect(after?.score).toBe(Number(score));
        } else {
          expect(response.status).toBe(400);
          expect(after?.score).toBe(before?.score);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("keep a comment form either fully saved or untouched", async () => {
    const send = await storeSurvey();
    await clickScore(surveyRequest(`/s/t/3`, { ip: nextIp() }), routeParams({ token: send.token, score: "3" }));
    const field = fc.option(anyText, { nil: undefined });
    await fc.assert(
      fc.asyncProperty(field, field, field, fc.dictionary(fc.string(), fc.string()), async (comment, consent, phone, extra) => {
        const before = await db.response.findUniqueOrThrow({ where: { surveySendId: send.id } });
        const form = new URLSearchParams(extra);
        if (comment !== undefined) form.set("comment", comment);
        if (consent !== undefined) form.set("callbackConsent", consent);
        if (phone !== undefined) form.set("callbackPhone", phone);
        const response = await postComment(
          surveyRequest(`/s/t/comment`, { method: "POST", body: form, ip: nextIp() }),
          routeParams({ token: send.token }),
        );
        const after = await db.response.findUniqueOrThrow({ where: { surveySendId: send.id } });
        expect([303, 400]).toContain(response.status);
        if (response.status === 400) {
          expect(after).toEqual(before);
        } else {
          expect(after.comment).toBe(comment?.trim() ? comment.trim() : null);
        }
      }),
      { numRuns: 25 },
    );
  });
});
