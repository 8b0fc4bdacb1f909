import { useTranslations } from "next-intl";
import type { NpsFigure as Figure } from "@/lib/analytics/nps-figures";
import type { NpsSummary } from "@/lib/responses/nps";

/**
 * An NPS always shows its margin of error; under the minimum n it says "too few responses" instead of a number
 * that would mislead, and with none it says so instead of showing 0.
 */
export function NpsFigure({ summary }: { summary: NpsSummary | Figure }) {
  const t = useTranslations("nps");
  if (summary.nps === null) return <span className="muted">{t("noResponses")}</span>;
  if ("tooFew" in summary && summary.tooFew) return <span className="muted too-few">{t("tooFew")}</span>;
  return (
    <span>
      {formatNps(summary.nps)}
      {summary.marginOfError !== null && <span className="moe"> ±{Math.round(summary.marginOfError)}</span>}
    </span>
  );
}

export function formatNps(nps: number): string {
  const rounded = Math.round(nps);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}
