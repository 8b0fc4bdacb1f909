import { useTranslations } from "next-intl";

export function ForbiddenCard() {
  const t = useTranslations("forbidden");
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <a href="/dashboard">{t("back")}</a>
    </div>
  );
}
