import type { Locale } from "@/lib/i18n/locales";
import { renderSurveyEmail, type SurveyEmailProps } from "./survey-email";

// The same words for contacted and holdout detractors: a different email would bias the experiment.
const RESURVEY_TEXTS: Record<Locale, { subject: string; intro: string }> = {
  en: { subject: "{brand}: how do you feel about us today?", intro: "Some time ago you told us about your experience with {brand}. We would like to know where we stand today." },
  de: { subject: "{brand}: Wie sehen Sie uns heute?", intro: "Vor einiger Zeit haben Sie uns von Ihrer Erfahrung mit {brand} erzählt. Wir möchten wissen, wo wir heute stehen." },
  nl: { subject: "{brand}: hoe kijkt u nu tegen ons aan?", intro: "Enige tijd geleden vertelde u ons over uw ervaring met {brand}. We willen graag weten waar we nu staan." },
  pl: { subject: "{brand}: jak oceniasz nas dzisiaj?", intro: "Jakiś czas temu opowiedziałeś nam o swoich doświadczeniach z {brand}. Chcielibyśmy wiedzieć, jak oceniasz nas dziś." },
  fr: { subject: "{brand} : que pensez-vous de nous aujourd'hui ?", intro: "Il y a quelque temps, vous nous avez parlé de votre expérience avec {brand}. Nous aimerions savoir où nous en sommes aujourd'hui." },
};

/** The re-survey: the survey email with a one-line reminder and its own subject. */
export async function renderResurveyEmail(props: Omit<SurveyEmailProps, "intro">) {
  const texts = RESURVEY_TEXTS[props.locale];
  const withBrand = (text: string) => text.replaceAll("{brand}", props.brand);
  const { html, text } = await renderSurveyEmail({ ...props, intro: withBrand(texts.intro) });
  return { subject: withBrand(texts.subject), html, text };
}
