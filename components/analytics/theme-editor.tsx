import { useTranslations } from "next-intl";
import { ActionForm, Field, TextAreaField } from "@/components/form/action-form";
import type { ActionState } from "@/lib/forms/action-state";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import type { ThemeKeywords } from "@/lib/themes/default-themes";

/** Name and keyword lists per language of one theme (or of a new one, without `theme`). */
export function ThemeEditor({ action, theme, submitLabel }: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  theme?: { id: string; name: string; keywords: ThemeKeywords };
  submitLabel: string;
}) {
  const t = useTranslations("themeEditor");
  return (
    <ActionForm action={action} submitLabel={submitLabel} className="form wide">
      {theme && <input type="hidden" name="themeId" value={theme.id} />}
      <Field name="name" label={t("name")} defaultValue={theme?.name} />
      <div className="keywords">
        {LOCALES.map((locale) => (
          <TextAreaField
            key={locale}
            name={`keywords_${locale}`}
            label={LOCALE_NAMES[locale]}
            defaultValue={theme?.keywords[locale].join(", ")}
          />
        ))}
      </div>
      <p className="hint">{t("keywordsHint")}</p>
    </ActionForm>
  );
}
