// Runs once when the server starts, before any request: modules that capture the async context they are loaded in
// (lib/http/memory-limiter.ts) are loaded here, outside every request's.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next start` run directly is held to what `npm start` checks: outside demo mode, no start without SMTP_URL,
  // NEXTAUTH_SECRET and APP_URL (lib/env.ts).
  const { exitIfRefused } = await import("./lib/env");
  exitIfRefused();
  await import("./lib/http/memory-limiter");
}
