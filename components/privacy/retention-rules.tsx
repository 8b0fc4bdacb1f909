import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** What the retention period does, when, and what it changes in the figures: the privacy page's own words. */
export function RetentionRules({ runs }: { runs: string }) {
  const t = useTranslations("retentionRules");
  return (
    <>
      <p className="muted">{t("intro", { runs })}</p>
      <ul className="muted">
        <li>{t.rich("anonymised", { strong })}</li>
        <li>{t.rich("erased", { strong })}</li>
        <li>{t.rich("figures", { strong })}</li>
        <li>{t("audited")}</li>
      </ul>
    </>
  );
}

/** What the next run would do with the saved period, counted now. */
export function RetentionPreview({ months, cutoff, comments, contacts, openFollowUps }: { months: number; cutoff: Date; comments: number; contacts: number; openFollowUps: number }) {
  const t = useTranslations("retentionRules");
  const format = useFormatter();
  return (
    <p data-testid="retention-preview">
      {t.rich("preview", { months, cutoff: format.dateTime(cutoff, { dateStyle: "medium" }), comments, contacts, openFollowUps, strong })}
    </p>
  );
}
