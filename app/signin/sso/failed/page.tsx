import { getTranslations } from "next-intl/server";
import type { SsoFailure } from "@/lib/identity/sso-failure";

export const dynamic = "force-dynamic";

const WHY = {
  not_configured: { title: "notConfiguredTitle", text: "notConfiguredText" },
  unavailable: { title: "unavailableTitle", text: "unavailableText" },
  refused: { title: "refusedTitle", text: "refusedText" },
  expired: { title: "expiredTitle", text: "expiredText" },
  domain_not_claimed: { title: "domainNotClaimedTitle", text: "domainNotClaimedText" },
  no_access: { title: "noAccessTitle", text: "noAccessText" },
} as const satisfies Record<SsoFailure, { title: string; text: string }>;

/** Where every failed single sign-on ends: what happened, in plain words, and the way back. */
export default async function SsoFailedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const t = await getTranslations("ssoFailed");
  const why = WHY[reason as SsoFailure] ?? WHY.refused;
  return (
    <div className="centered">
      <div className="card" role="alert">
        <h1>{t(why.title)}</h1>
        <p>{t(why.text)}</p>
        <p>
          <a className="button secondary" href="/signin">
            {t("back")}
          </a>
        </p>
      </div>
    </div>
  );
}
