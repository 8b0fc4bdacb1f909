"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type SharePoint = { period: string; promoters: number; passives: number; detractors: number };

/** Share of promoters, passives and detractors per period, stacked to 100%. */
export function CategoryShareChart({ points }: { points: SharePoint[] }) {
  const t = useTranslations("categories");
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={points} margin={{ top: 10, right: 10, bottom: 0, left: -10 }} stackOffset="expand">
        <CartesianGrid stroke="#e3e6eb" vertical={false} />
        <XAxis dataKey="period" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(value) => `${Math.round(Number(value) * 100)}%`} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Bar dataKey="detractors" name={t("detractors")} stackId="share" fill="#d64545" isAnimationActive={false} />
        <Bar dataKey="passives" name={t("passives")} stackId="share" fill="#f0a202" isAnimationActive={false} />
        <Bar dataKey="promoters" name={t("promoters")} stackId="share" fill="#2e9e5b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
