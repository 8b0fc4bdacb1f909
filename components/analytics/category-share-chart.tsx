"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CategoryPatterns, categoryFill } from "@/components/charts/category-fills";
import { ChartFigure } from "@/components/charts/chart-figure";

export type SharePoint = { period: string; promoters: number; passives: number; detractors: number };

/** Share of promoters, passives and detractors per period, stacked to 100%. */
export function CategoryShareChart({ name, points }: { name: string; points: SharePoint[] }) {
  const t = useTranslations("categories");
  const charts = useTranslations("charts");
  const patterns = `share${useId().replace(/\W/g, "")}`;
  const table = {
    columns: [charts("period"), t("detractors"), t("passives"), t("promoters")],
    rows: points.map((point) => [point.period, point.detractors, point.passives, point.promoters]),
  };
  return (
    <ChartFigure name={name} table={table}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={points} margin={{ top: 10, right: 10, bottom: 0, left: -10 }} stackOffset="expand" accessibilityLayer={false}>
          <CategoryPatterns idPrefix={patterns} />
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(value) => `${Math.round(Number(value) * 100)}%`} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="detractors" name={t("detractors")} stackId="share" fill={categoryFill(patterns, "detractor")} isAnimationActive={false} />
          <Bar dataKey="passives" name={t("passives")} stackId="share" fill={categoryFill(patterns, "passive")} isAnimationActive={false} />
          <Bar dataKey="promoters" name={t("promoters")} stackId="share" fill={categoryFill(patterns, "promoter")} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
