"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#1f4e79", "#d64545", "#2e9e5b", "#f0a202", "#6b2fa3", "#0f8b8d", "#a14f00", "#5b6475", "#c2185b", "#33691e"];

/** Mentions of each theme per week or month. */
export function ThemeTrendChart({ points, themes }: { points: { period: string; mentions: Record<string, number> }[]; themes: string[] }) {
  const data = points.map((point) => ({ period: point.period, ...point.mentions }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={data} margin={{ top: 10, right: 10, bottom: 0, left: -10 }}>
        <CartesianGrid stroke="#e3e6eb" vertical={false} />
        <XAxis dataKey="period" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {themes.map((theme, index) => (
          <Line key={theme} dataKey={theme} stroke={COLORS[index % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
