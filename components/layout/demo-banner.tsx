import { useTranslations } from "next-intl";
import { isDemoMode, usesOutbox } from "@/lib/env";

/**
 * On every staff page and the sign-in pages in demo mode (lib/env.ts): a strip in the page's flow above it, never
 * over it. Not on the customers' survey pages: they show what a customer would get, and a visitor reaches them from
 * the outbox, which says demo mode already.
 */
export function DemoBanner() {
  const t = useTranslations("demo");
  if (!isDemoMode()) return null;
  return (
    <aside className="demo-banner" aria-label={t("label")}>
      {usesOutbox()
        ? t.rich("outbox", { strong: (chunks) => <strong>{chunks}</strong>, outbox: (chunks) => <a href="/outbox">{chunks}</a> })
        : t.rich("anyone", { strong: (chunks) => <strong>{chunks}</strong> })}
    </aside>
  );
}
