import { SCORES } from "@/lib/responses/nps";
import { scoreColor } from "@/lib/responses/category-colors";

/** The 0–10 row on the landing page; each number is a plain link, so changing one's mind needs no script. */
export function ScoreScale({ hrefFor, chosen, notLikely, veryLikely }: {
  hrefFor: (score: number) => string;
  chosen: number | null;
  notLikely: string;
  veryLikely: string;
}) {
  return (
    <div>
      <div className="scale">
        {SCORES.map((score) => (
          <a
            key={score}
            href={hrefFor(score)}
            className={score === chosen ? "chosen" : undefined}
            style={{ background: scoreColor(score).background, color: scoreColor(score).text }}
          >
            {score}
          </a>
        ))}
      </div>
      <div className="ends">
        <span>{notLikely}</span>
        <span>{veryLikely}</span>
      </div>
    </div>
  );
}
