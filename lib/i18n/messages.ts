import { CATALOG, type Messages, translator } from "./catalog";
import { LOCALES, type Locale } from "./locales";

// The fixed words of the survey email and landing pages, from the one catalog (lib/i18n/catalog.ts), in the shape
// the survey pages were written against. The tenant-editable texts (question, prompts) live in SurveyText;
// lib/surveys/default-texts.ts holds their starting values.
type Plain = Omit<Messages["survey"], "commentTooLong" | "confirmButton" | "scoreOutOfTen">;
export type SurveyMessages = Plain & {
  commentTooLong: (max: number) => string;
  confirmButton: (score: number) => string;
  /** The accessible name of a score button in the email, where the button shows only the number. */
  scoreOutOfTen: (score: number) => string;
};

function surveyMessages(locale: Locale): SurveyMessages {
  const t = translator(locale, "survey");
  return {
    ...CATALOG[locale].survey,
    commentTooLong: (max) => t("commentTooLong", { max }),
    confirmButton: (score) => t("confirmButton", { score }),
    scoreOutOfTen: (score) => t("scoreOutOfTen", { score }),
  };
}

export const MESSAGES = Object.fromEntries(LOCALES.map((locale) => [locale, surveyMessages(locale)])) as Record<Locale, SurveyMessages>;
