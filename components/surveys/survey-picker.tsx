import { useTranslations } from "next-intl";
type Props = { surveys: { id: string; name: string }[]; currentId: string; path: string };

/** Which survey a settings page shows; hidden while the tenant has only one. */
export function SurveyPicker({ surveys, currentId, path }: Props) {
  const t = useTranslations("surveyPicker");
  if (surveys.length < 2) return null;
  return (
    <nav className="tabs" aria-label={t("label")}>
      {surveys.map((survey) => (
        <a key={survey.id} href={`${path}?survey=${survey.id}`} aria-current={survey.id === currentId ? "page" : undefined}>
          {survey.name}
        </a>
      ))}
    </nav>
  );
}
