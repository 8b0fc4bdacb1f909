"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { useCompactCount } from "@/components/charts/compact-count";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Each at least 3:1 against the white chart (WCAG 1.4.11), and a dash pattern per line so that the legend does not
// rely on colour alone.
const COLORS = ["#1f4e79", "#c53030", "#1e7a44", "#a06600", "#6b2fa3", "#0f7b7d", "#a14f00", "#5b6475", "#c2185b", "#33691e"];
const DASHES = [undefined, "6 3", "2 3", "8 3 2 3", "12 4"];

/** Mentions of each theme per week or month. */
export function ThemeTrendChart({
  name,
  points,
  themes,
}: {
  name: string;
  points: { period: string; mentions: Record<string, number> }[];
  themes: string[];
}) {
  const data = points.map((point) => ({ period: point.period, ...point.mentions }));
  const compactCount = useCompactCount();
  const table = {
    columns: ["Period", ...themes],
    rows: points.map((point) => [point.period, ...themes.map((theme) => point.mentions[theme] ?? 0)]),
  };
  return (
    <ChartFigure name={name} table={table}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 10, right: 10, bottom: 0, left: -10 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={compactCount} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {themes.map((theme, index) => (
            <Line
              key={theme}
              dataKey={theme}
              stroke={COLORS[index % COLORS.length]}
              strokeDasharray={DASHES[index % DASHES.length]}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
