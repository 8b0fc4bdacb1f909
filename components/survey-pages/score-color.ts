import { categoryOf } from "@/lib/responses/nps";

// 0–6 red, 7–8 amber, 9–10 green, as on the email's buttons.
const COLORS = {
  detractor: { background: "#d64545", text: "#ffffff" },
  passive: { background: "#f0a202", text: "#1d2433" },
  promoter: { background: "#2e9e5b", text: "#ffffff" },
} as const;

export function scoreColor(score: number) {
  return COLORS[categoryOf(score)];
}
