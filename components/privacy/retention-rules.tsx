/** What the retention period does, when, and what it changes in the figures: the privacy page's own words. */
export function RetentionRules({ runs }: { runs: string }) {
  return (
    <>
      <p className="muted">Empty keeps everything. With a period set, {runs} (and at once with “Apply now”):</p>
      <ul className="muted">
        <li>
          <strong>Anonymised:</strong> the comment and call-back number of every answer older than the period; its score
          stays.
        </li>
        <li>
          <strong>Erased:</strong> every contact added before the period and not surveyed within it: name, email, phone,
          ids and attributes go, their open follow-ups are closed and nothing more is sent to them.
        </li>
        <li>
          <strong>Figures:</strong> NPS, the score distribution, response counts and response rates do not change (scores and
          sends are kept). Removed comments leave the comments page; erased contacts’ open follow-ups leave the open and
          overdue counts, without an outcome, so the outcome figures do not change either.
        </li>
        <li>Each run is in the audit log below, with its counts.</li>
      </ul>
    </>
  );
}

/** What the next run would do with the saved period, counted now. */
export function RetentionPreview({ months, cutoff, comments, contacts, openFollowUps }: { months: number; cutoff: Date; comments: number; contacts: number; openFollowUps: number }) {
  return (
    <p data-testid="retention-preview">
      With {months} months (before {cutoff.toLocaleDateString("en-GB", { dateStyle: "medium" })}), the next run would anonymise{" "}
      <strong>{comments}</strong> comments and erase <strong>{contacts}</strong> contacts, closing <strong>{openFollowUps}</strong>{" "}
      open follow-ups.
    </p>
  );
}
