import type { NpsSummary } from "@/lib/responses/nps";

/** An NPS always shows its margin of error and n; with no responses it says so instead of showing 0. */
export function NpsFigure({ summary }: { summary: NpsSummary }) {
  if (summary.nps === null) return <span className="muted">no responses</span>;
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
