import { SCORES } from "@/lib/responses/nps";
import { scoreColor } from "@/lib/responses/category-colors";

/** Scores as form buttons: a deliberate press (a POST) that link scanners, which only open links, never make. */
export function ScoreButtons({ actionFor, scores = SCORES, label }: {
  actionFor: (score: number) => string;
  scores?: readonly number[];
  label?: (score: number) => string;
}) {
  return (
    <div className="scale">
      {scores.map((score) => (
        <form key={score} method="post" action={actionFor(score)} style={{ flex: 1, display: "flex" }}>
          <button
            type="submit"
            style={{ flex: 1, margin: 0, padding: "8px 0", background: scoreColor(score).background, color: scoreColor(score).text }}
          >
            {label ? label(score) : score}
          </button>
        </form>
      ))}
    </div>
  );
}
