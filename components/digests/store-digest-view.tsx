import { useTranslations } from "next-intl";
import type { StoreDigest, WeekFigure } from "@/lib/digests/store-digest";

const nps = (figure: WeekFigure) => (figure.summary.nps === null ? "–" : Math.round(figure.summary.nps).toString());
const margin = (figure: WeekFigure) => (figure.summary.marginOfError === null ? "" : `±${Math.round(figure.summary.marginOfError)}`);

/** The weekly digest as a page for the team meeting: prints on one or two sheets. */
export function StoreDigestView({ digest }: { digest: StoreDigest }) {
  const t = useTranslations("digest");
  const { followUps } = digest;
  const weeks = [digest.thisWeek, ...digest.previousWeeks];
  return (
    <article className="digest" data-testid="store-digest">
      <h1>{digest.store.name}</h1>
      <p className="muted">{t("weekOf", { week: digest.thisWeek.weekKey, timeZone: digest.store.timeZone })}</p>
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("npsWeeks")}</h2>
          <table className="weeks">
            <thead>
              <tr>
                <th>{t("weekOfColumn")}</th>
                <th>{t("nps")}</th>
                <th>{t("margin")}</th>
                <th>{t("n")}</th>
                <th>{t("promoters")}</th>
                <th>{t("detractors")}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, index) => (
                <tr key={week.weekKey} style={index === 0 ? { fontWeight: 700 } : undefined}>
                  <td>{index === 0 ? t("thisWeek", { week: week.weekKey }) : week.weekKey}</td>
                  <td>{nps(week)}</td>
                  <td>{margin(week)}</td>
                  <td>{week.summary.responses}</td>
                  <td>{week.summary.promoters}</td>
                  <td>{week.summary.detractors}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" style={{ fontSize: 12 }}>{t("marginHint")}</p>
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("callBacks")}</h2>
          <table>
            <tbody>
              <tr><td>{t("opened")}</td><td className="num">{followUps.opened}</td></tr>
              <tr><td>{t("closed")}</td><td className="num">{followUps.closed} ({followUps.resolved})</td></tr>
              <tr><td>{t("overdueNow")}</td><td className="num">{followUps.overdueNow}</td></tr>
              <tr>
                <td>{t("medianFirstContact")}</td>
                <td className="num">{followUps.medianHoursToFirstContact === null ? "–" : `${followUps.medianHoursToFirstContact.toFixed(1)} h`}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("comments", { count: digest.comments.length })}</h2>
        {digest.comments.length === 0 && <p className="empty">{t("noComments")}</p>}
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
