import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { logSettings } from "../env";

// The one logger of every process (app, worker, scripts): JSON lines on stdout, one object a line, with `level`
// as text, `time` as ISO 8601 and `msg`; coloured lines instead on a terminal in development or with
// LOG_FORMAT=pretty. What a line is about comes from the log context below: the request id of the click that
// caused it, the job that runs it.

/** Fields added to every line logged while a request or a job runs (AsyncLocalStorage follows its awaits). */
export type LogContext = { requestId?: string; jobId?: string; queue?: string };

const logContext = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(context: LogContext, work: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return logContext.getStore();
}

/** The request id of the request (or the job it queued) being served, if any. */
export function currentRequestId(): string | undefined {
  return logContext.getStore()?.requestId;
}

// A caller's own id is kept only when it is short and plain (it ends up in logs and a mail header).
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's `x-request-id` (set by a load balancer, a client or proxy.ts), or a fresh one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

function wantsPrettyLines(format: string | undefined, nodeEnv: string | undefined): boolean {
  if (format) return format === "pretty";
  return nodeEnv !== "production" && nodeEnv !== "test" && process.stdout.isTTY === true;
}

export function createLogger(destination?: DestinationStream, level?: pino.LevelWithSilent): Logger {
  const { LOG_LEVEL, LOG_FORMAT, NODE_ENV } = logSettings();
  const options: pino.LoggerOptions = {
    level: level ?? LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...logContext.getStore() }),
  };
  if (destination) return pino(options, destination);
  // In the same thread (not pino's transport worker): Next's server bundle and tsx scripts both load it as is.
  if (wantsPrettyLines(LOG_FORMAT, NODE_ENV)) return pino(options, pretty({ colorize: process.stdout.isTTY === true, sync: true, ignore: "pid,hostname" }));
  return pino(options);
}

// One per process, kept on globalThis: Next's dev server reloads modules.
const globalForLogger = globalThis as unknown as { npsLogger?: Logger };

export function logger(): Logger {
  globalForLogger.npsLogger ??= createLogger();
  return globalForLogger.npsLogger;
}

/** Sends this process's log lines to `destination` (a test's capture); returns a function restoring the previous. */
export function setLogDestination(destination: DestinationStream, level?: pino.LevelWithSilent): () => void {
  const previous = globalForLogger.npsLogger;
  globalForLogger.npsLogger = createLogger(destination, level);
  return () => {
    globalForLogger.npsLogger = previous;
  };
}

/** An Error as log fields (pino serialises `err`). */
export const errorFields = (error: unknown) => ({ err: error instanceof Error ? error : new Error(String(error)) });
