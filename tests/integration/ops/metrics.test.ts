import { describe, expect, it, vi } from "vitest";

// Before lib/env.ts is first read: this file's app has a metrics token.
const TOKEN = vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-test-token-0123456789";
  return process.env.METRICS_TOKEN;
});

import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as clickScore } from "@/app/s/[token]/[score]/route";
import { metricsResponse } from "@/lib/metrics/metrics";
import { createTenant, createTestStore, sendTestSurvey } from "@/tests/support/factories";
import { routeParams, surveyRequest } from "../survey-pages/survey-requests";

const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://localhost:3000/api/metrics", { headers: authorization ? { authorization } : {} }));

/** A sample's value in the exposition text (0 when the series is absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    expect((await metricsResponse(`Bearer ${TOKEN}`, "")).status).toBe(404);
    expect((await metricsResponse(null, undefined as unknown as string)).status).toBe(401);
  });

  it("answers 401 without the token or with another", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-metrics-token-at-all")).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  });

  it("counts a click in the latency histogram and its category, and reads the queue's depth", async () => {
    const { tenant } = await createTenant();
    const store = await createTestStore(tenant);
    const send = await sendTestSurvey(tenant, { storeId: store.id });
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();

    const click = await clickScore(surveyRequest(`/s/${send.token}/2`), routeParams({ token: send.token, score: "2" }));
    expect(click.status).toBe(303);

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const after = await response.text();
    const count = 'nps_click_duration_seconds_count{status="303"}';
    expect(sample(after, count) - sample(before, count)).toBe(1);
    const detractors = 'nps_responses_total{category="detractor"}';
    expect(sample(after, detractors) - sample(before, detractors)).toBe(1);
    // The click queued its alert, and no worker runs in this test.
    expect(sample(after, 'nps_job_queue_depth{queue="follow-up-alert"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('nps_job_failures_total{queue="follow-up-alert"} 0');
    expect(after).toContain("nps_process_cpu_user_seconds_total");
  });
});
