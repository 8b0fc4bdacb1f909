import { setTimeout as sleep } from "node:timers/promises";
import { probeApiLimit, type LimitProbe } from "./api-limit";
import type { Balancer } from "./balancer";
import { startClicking, type ClickResult } from "./clicks";
import { surveyTokenOf, type MailSink } from "./mail-sink";
import type { Cluster } from "./processes";
import { API_LIMIT, CLICK_EVERY, CLICKS_PER_SECOND, DEADLINE_MS, PROBE_RATE, PROBE_SECONDS, SENDS } from "./settings";
import { customerIndex, sendSurveys, type IntakeResult } from "./survey-sends";

// The run: the campaign's sends, the customers' clicks as their emails arrive and the API limit probe, all at
// once through the balancer, while processes die: one worker and one app process killed outright (SIGKILL), one
// app process stopped (SIGTERM), each started again in its slot.

export type Disruption = { what: string; at: string; inFlight: number; downMs: number };
export type LoadResult = { intake: IntakeResult; clicks: ClickResult; probe: LimitProbe; disruptions: Disruption[] };

export async function runLoad(cluster: Cluster, balancer: Balancer, sink: MailSink, keys: { intakeKey: string; probeKey: string }): Promise<LoadResult> {
  const deadline = Date.now() + DEADLINE_MS;
  const clicking = startClicking(CLICKS_PER_SECOND);
  const expectedClicks = Math.ceil(SENDS / CLICK_EVERY);
  sink.onMail((mail) => {
    const customer = customerIndex(mail.to);
    const token = surveyTokenOf(mail.text);
    if (token && customer % CLICK_EVERY === 0) clicking.add(token, customer);
  });
  const started = Date.now();
  const disruptions: Disruption[] = [];
  const disrupt = async (what: string, server: string | null, restart: () => Promise<void>) => {
    const at = `${((Date.now() - started) / 1000).toFixed(1)} s, ${sink.acknowledged()} mails, ${clicking.done()} clicks`;
    // The most that can fail with the process: the requests it had in hand when it stopped. The balancer's
    // sessions on it just before the signal miss a request handed over between that reading and the signal, so
    // its count of the process's requests that ended unanswered, from before the signal to the process's return,
    // counts too, whichever is larger.
    const [sessions, unansweredBefore] = server ? await Promise.all([balancer.inFlight(server), balancer.unanswered(server)]) : [0, 0];
    const down = Date.now();
    await restart();
    const unanswered = server ? (await balancer.unanswered(server)) - unansweredBefore : 0;
    const inFlight = Math.max(sessions, unanswered);
    disruptions.push({ what, at, inFlight, downMs: Date.now() - down });
    console.log(`… ${what} at ${at}: ${sessions} request(s) in flight, ${unanswered} left unanswered; back after ${((Date.now() - down) / 1000).toFixed(1)} s`);
  };
  const until = async (condition: () => boolean, what: string) => {
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`never reached: ${what}`);
      await sleep(25);
    }
  };

  const progress = setInterval(async () => {
    const servers = await balancer.describe().catch((error: Error) => error.message);
    console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${sink.acknowledged()} mails, ${clicking.done()} clicks; ${servers}`);
  }, 10_000);
  try {
    const intake = sendSurveys(keys.intakeKey, SENDS);
    const probe = probeApiLimit(keys.probeKey, PROBE_RATE, PROBE_SECONDS);
    const chaos = Promise.all([
      until(() => sink.acknowledged() >= SENDS / 3, "a third of the emails").then(() =>
        disrupt("worker1 SIGKILL", null, () => cluster.restartWorker(0, "SIGKILL", () => sleep(2_000))),
      ),
      until(() => clicking.done() >= expectedClicks / 4, "a quarter of the clicks").then(() =>
        disrupt("app1 SIGKILL", "app1", () => cluster.restartApp(0, "SIGKILL", () => sleep(2_000))),
      ),
      until(() => clicking.done() >= (expectedClicks * 2) / 3, "two thirds of the clicks").then(() =>
        disrupt("app2 SIGTERM", "app2", () => cluster.restartApp(1, "SIGTERM")),
      ),
    ]);
    const [intakeResult, probeResult] = await Promise.all([intake, probe, chaos]);
    console.log(`… intake done (${intakeResult.accepted} sends accepted); limit probe done at ${PROBE_RATE}/s for ${PROBE_SECONDS} s, budget ${API_LIMIT}/s`);
    await emailsSettled(sink, deadline);
    // Customers whose email never came (left unconfirmed by the killed worker) cannot click: counted later.
    return { intake: intakeResult, clicks: await clicking.finish(), probe: probeResult, disruptions };
  } finally {
    clearInterval(progress);
  }
}

/** No send still queued, and no mail for 5 s: what is not sent by then was in the killed worker's hands. */
async function emailsSettled(sink: MailSink, deadline: number) {
  const { db } = await import("../../lib/db/client");
  let quietSince = Date.now();
  let seen = sink.acknowledged();
  for (;;) {
    await sleep(500);
    if (sink.acknowledged() !== seen) [seen, quietSince] = [sink.acknowledged(), Date.now()];
    const queued = await db.surveySend.count({ where: { status: "queued" } });
    if (queued === 0 && Date.now() - quietSince > 5_000) return;
    if (Date.now() > deadline) throw new Error(`emails never settled: ${queued} sends still queued`);
  }
}
