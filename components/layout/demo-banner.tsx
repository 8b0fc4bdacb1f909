import { isDemoMode, usesOutbox } from "@/lib/env";

/**
 * On every staff page and the sign-in pages in demo mode (lib/env.ts): a strip in the page's flow above it, never
 * over it. Not on the customers' survey pages: they show what a customer would get, and a visitor reaches them from
 * the outbox, which says demo mode already.
 */
export function DemoBanner() {
  if (!isDemoMode()) return null;
  return (
    <aside className="demo-banner" aria-label="Demo mode">
      <strong>Demo mode:</strong> sample data,{" "}
      {usesOutbox() ? (
        <>
          mail goes to the <a href="/outbox">outbox</a>
        </>
      ) : (
        "anyone can sign in as a demo user"
      )}{" "}
      — not for production
    </aside>
  );
}
