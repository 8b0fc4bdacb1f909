import type { StoreDigest, WeekFigure } from "@/lib/digests/store-digest";

const nps = (figure: WeekFigure) => (figure.summary.nps === null ? "–" : Math.round(figure.summary.nps).toString());
const margin = (figure: WeekFigure) => (figure.summary.marginOfError === null ? "" : `±${Math.round(figure.summary.marginOfError)}`);

/** The weekly digest as a page for the team meeting: prints on one or two sheets. */
export function StoreDigestView({ digest }: { digest: StoreDigest }) {
  const { followUps } = digest;
  const weeks = [digest.thisWeek, ...digest.previousWeeks];
  return (
    <article className="digest" data-testid="store-digest">
      <h1>{digest.store.name}</h1>
      <p className="muted">Week of {digest.thisWeek.weekKey} (Monday to Sunday, {digest.store.timeZone})</p>
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>NPS this week vs the 4 weeks before</h2>
          <table className="weeks">
            <thead>
              <tr>
                <th>Week of</th>
                <th>NPS</th>
                <th>Margin</th>
                <th>n</th>
                <th>Promoters</th>
                <th>Detractors</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, index) => (
                <tr key={week.weekKey} style={index === 0 ? { fontWeight: 700 } : undefined}>
                  <td>{week.weekKey}{index === 0 ? " (this week)" : ""}</td>
                  <td>{nps(week)}</td>
                  <td>{margin(week)}</td>
                  <td>{week.summary.responses}</td>
                  <td>{week.summary.promoters}</td>
                  <td>{week.summary.detractors}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" style={{ fontSize: 12 }}>Few answers make a wide margin: compare weeks only when the margins do not overlap.</p>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Call-backs</h2>
          <table>
            <tbody>
              <tr><td>Opened this week</td><td className="num">{followUps.opened}</td></tr>
              <tr><td>Closed (resolved)</td><td className="num">{followUps.closed} ({followUps.resolved})</td></tr>
              <tr><td>Overdue now</td><td className="num">{followUps.overdueNow}</td></tr>
              <tr>
                <td>Median time to first contact</td>
                <td className="num">{followUps.medianHoursToFirstContact === null ? "–" : `${followUps.medianHoursToFirstContact.toFixed(1)} h`}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>What customers said ({digest.comments.length})</h2>
        {digest.comments.length === 0 && <p className="empty">No comments this week.</p>}
        <ul className="comment-list">
          {digest.comments.map((comment) => (
            <li key={comment.id}>
              <span className={`score ${comment.category}`}>{comment.score}</span>
              <p className="text">{comment.comment}</p>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
