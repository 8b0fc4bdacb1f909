import type { CommentRow } from "@/lib/analytics/comments";

/** Comments newest first, each with its score, store, language and themes. */
export function CommentList({ comments }: { comments: CommentRow[] }) {
  if (comments.length === 0) return <p className="empty">No comments match.</p>;
  return (
    <ul className="comment-list" data-testid="comments">
      {comments.map((row) => (
        <li key={row.id} data-testid="comment">
          <span className={`score ${row.category}`}>{row.score}</span>
          <div>
            <p className="text">{row.comment}</p>
            <div className="meta">
              {row.respondedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {row.storeName ?? "Online"} ·{" "}
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
