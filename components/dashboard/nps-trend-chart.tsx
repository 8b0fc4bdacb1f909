"use client";

import { useTranslations } from "next-intl";
import { ChartFigure } from "@/components/charts/chart-figure";
import { MIN_RESPONSES } from "@/lib/analytics/nps-figures";
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** nps, low and high are null for a period with too few responses: a gap, not a misleading point. */
export type TrendPoint = { period: string; nps: number | null; low: number | null; high: number | null; responses: number };

/** NPS per week or month with its 95% margin of error as a band, so a period on few responses does not look like news. */
export function NpsTrendChart({ name, points }: { name: string; points: TrendPoint[] }) {
  const t = useTranslations("charts");
  if (points.length > 0 && points.every((point) => point.nps === null)) {
    return (
      <p className="empty chart-note">
        {t("allTooFew", { min: MIN_RESPONSES })}
      </p>
    );
  }
  const data = points.map((point) => ({
    ...point,
    band: point.low === null || point.high === null ? null : [point.low, point.high],
  }));
  const rounded = (value: number | null) => (value === null ? "–" : Math.round(value));
  const table = {
    columns: [t("period"), t("npsColumn"), t("rangeLabel"), t("responses")],
    rows: points.map((point) => [
      point.period,
      rounded(point.nps),
      point.low === null || point.high === null ? "–" : t("range", { low: rounded(point.low), high: rounded(point.high) }),
      point.responses,
    ]),
  };
  return (
    <ChartFigure name={name} table={table}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 10, right: 10, bottom: 0, left: -10 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis domain={[-100, 100]} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(value, name) =>
              name === "band" && Array.isArray(value)
                ? [t("range", { low: Math.round(Number(value[0])), high: Math.round(Number(value[1])) }), t("rangeLabel")]
                : [value === null ? t("tooFew") : Math.round(Number(value)), name === "nps" ? "NPS" : name === "responses" ? "n" : String(name)]
            }
          />
          <Area dataKey="band" stroke="none" fill="#1f4e79" fillOpacity={0.12} isAnimationActive={false} />
          <Line dataKey="nps" stroke="#1f4e79" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
