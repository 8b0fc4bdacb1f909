"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const color = (score: number) => (score <= 6 ? "#d64545" : score <= 8 ? "#f0a202" : "#2e9e5b");

/** How many responses gave each score from 0 to 10. */
export function DistributionChart({ distribution }: { distribution: number[] }) {
  const t = useTranslations("charts");
  const data = distribution.map((count, score) => ({ score: String(score), count }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 10, right: 10, bottom: 0, left: -10 }}>
        <CartesianGrid stroke="#e3e6eb" vertical={false} />
        <XAxis dataKey="score" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => [value, t("responses")]} labelFormatter={(label) => t("score", { score: String(label) })} />
        <Bar dataKey="count" isAnimationActive={false}>
          {data.map((entry) => (
            <Cell key={entry.score} fill={color(Number(entry.score))} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
