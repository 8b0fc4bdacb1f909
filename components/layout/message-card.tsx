import { useTranslations } from "next-intl";

/** A page's one message, "not found" or "you don't have access to this", with a way back to the dashboard. */
export function MessageCard({ messages }: { messages: "notFound" | "forbidden" }) {
  const t = useTranslations(messages);
  return (
    <div className="card">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <a href="/dashboard">{t("back")}</a>
    </div>
  );
}

export const NotFoundCard = () => <MessageCard messages="notFound" />;
