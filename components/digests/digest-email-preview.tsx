import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * The digest email as its recipients get it, for CX managers who want to see it before Monday. The HTML is shown in a
 * sandboxed frame from `srcDoc`: it runs nothing and cannot navigate the page.
 */
export function DigestEmailPreview({ email, children }: { email: { subject: string; html: string }; children: ReactNode }) {
  const t = useTranslations("digestPreview");
  return (
    <section className="card no-print" data-testid="digest-email">
      <h2 className="card-title">{t("title")}</h2>
      <p className="muted">
        {t.rich("subject", { subject: email.subject, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      {children}
      <iframe title={t("frameTitle")} srcDoc={email.html} sandbox="" style={{ width: "100%", height: 720, border: "1px solid #d9dde3", borderRadius: 6 }} />
    </section>
  );
}
