import type { ReactNode } from "react";

/**
 * The digest email as its recipients get it, for CX managers who want to see it before Monday. The HTML is shown in a
 * sandboxed frame from `srcDoc`: it runs nothing and cannot navigate the page.
 */
export function DigestEmailPreview({ email, children }: { email: { subject: string; html: string }; children: ReactNode }) {
  return (
    <section className="card no-print" data-testid="digest-email">
      <h2 className="card-title">The email store managers get</h2>
      <p className="muted">
        Subject: <strong>{email.subject}</strong>. It goes out every Monday morning; send it now to see it arrive.
      </p>
      {children}
      <iframe title="Digest email preview" srcDoc={email.html} sandbox="" style={{ width: "100%", height: 720, border: "1px solid #d9dde3", borderRadius: 6 }} />
    </section>
  );
}
