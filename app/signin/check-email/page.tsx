import { useTranslations } from "next-intl";
import { usesOutbox } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  const t = useTranslations("signin");
  return (
    <div className="centered">
      <div className="card">
        <h1>{t("checkTitle")}</h1>
        <p>{t("checkBody")}</p>
        {usesOutbox() && (
          <p>{t.rich("checkDemo", { outbox: (chunks) => <a href="/outbox">{chunks}</a> })}</p>
        )}
      </div>
    </div>
  );
}
