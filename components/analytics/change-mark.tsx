import { useTranslations } from "next-intl";
import type { NpsDifference } from "@/lib/analytics/nps-figures";
import { formatNps } from "../dashboard/nps-figure";

/**
 * A difference marked significant (arrow, coloured) or not (grey "≈"): movements inside the margin of error are
 * not presented as real.
 */
export function ChangeMark({ change, against }: { change: NpsDifference | null; against: string }) {
  const t = useTranslations("nps");
  if (!change) return <span className="change muted" title={t("tooFewToCompare", { against })}>–</span>;
  const points = formatNps(change.difference);
  const margin = `±${Math.round(change.marginOfError)}`;
  if (!change.significant) {
    return (
      <span className="change same" title={t("notSignificant", { points, margin, against })}>
        ≈ {points}
      </span>
    );
  }
  const up = change.difference > 0;
  return (
    <span className={`change ${up ? "up" : "down"}`} title={t("significant", { points, margin, against })}>
      {up ? "▲" : "▼"} {points}
    </span>
  );
}
