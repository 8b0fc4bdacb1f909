"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CategoryPatterns, categoryFill } from "@/components/charts/category-fills";
import { ChartFigure } from "@/components/charts/chart-figure";
import { useCompactCount } from "@/components/charts/compact-count";
import { categoryOf } from "@/lib/responses/nps";

/** How many responses gave each score from 0 to 10. */
export function DistributionChart({ name, distribution }: { name: string; distribution: number[] }) {
  const t = useTranslations("charts");
  const patterns = `distribution${useId().replace(/\W/g, "")}`;
  const data = distribution.map((count, score) => ({ score: String(score), count }));
  const compactCount = useCompactCount();
  return (
    <ChartFigure name={name} table={{ columns: [t("scoreColumn"), t("responses")], rows: data.map(({ score, count }) => [score, count]) }}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 10, right: 10, bottom: 0, left: -10 }} accessibilityLayer={false}>
          <CategoryPatterns idPrefix={patterns} />
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="score" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={compactCount} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [value, t("responses")]} labelFormatter={(label) => t("score", { score: String(label) })} />
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.score} fill={categoryFill(patterns, categoryOf(Number(entry.score)))} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
