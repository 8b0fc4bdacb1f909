// Runs once when the server starts, before any request: modules that capture the async context they are loaded in
// (lib/http/memory-limiter.ts) are loaded here, outside every request's.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/http/memory-limiter");
}
