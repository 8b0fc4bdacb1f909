import { useTranslations } from "next-intl";
import type { CommentRow } from "@/lib/analytics/comments";

/** Comments newest first, each with its score, store, language and themes. */
export function CommentList({ comments }: { comments: CommentRow[] }) {
  const t = useTranslations("comments");
  const common = useTranslations("common");
  if (comments.length === 0) return <p className="empty">{t("noMatch")}</p>;
  return (
    <ul className="comment-list" data-testid="comments">
      {comments.map((row) => (
        <li key={row.id} data-testid="comment">
          <span className={`score ${row.category}`}>{row.score}</span>
          <div>
            <p className="text">{row.comment}</p>
            <div className="meta">
              {row.respondedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {row.storeName ?? common("online")} ·{" "}
              {row.locale.toUpperCase()}
              {row.segment ? ` · ${row.segment}` : ""}
              {row.themes.length > 0 && " · "}
              {row.themes.map((theme) => (
                <span key={theme} className="tag">
                  {theme}
                </span>
              ))}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
