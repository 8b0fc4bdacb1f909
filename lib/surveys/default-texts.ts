import type { Locale } from "../i18n/locales";

export type SurveyTextFields = {
  emailSubject: string;
  question: string;
  detractorPrompt: string;
  passivePrompt: string;
  promoterPrompt: string;
  thankYou: string;
};

// Starting texts for a new survey; "{brand}" is replaced by the tenant's name when rendered.
export const DEFAULT_SURVEY_TEXTS: Record<Locale, SurveyTextFields> = {
  en: {
    emailSubject: "How was your visit to {brand}?",
    question: "How likely are you to recommend {brand} to a friend or colleague?",
    detractorPrompt: "We are sorry. What went wrong?",
    passivePrompt: "Thank you. What would make it a 10?",
    promoterPrompt: "Thank you! What did you like most?",
    thankYou: "Thank you for your feedback. It goes straight to the team.",
  },
  de: {
    emailSubject: "Wie war Ihr Besuch bei {brand}?",
    question: "Wie wahrscheinlich ist es, dass Sie {brand} einem Freund oder Kollegen empfehlen?",
    detractorPrompt: "Das tut uns leid. Was ist schiefgelaufen?",
    passivePrompt: "Danke. Was würde daraus eine 10 machen?",
    promoterPrompt: "Vielen Dank! Was hat Ihnen am besten gefallen?",
    thankYou: "Danke für Ihr Feedback. Es geht direkt an das Team.",
  },
  nl: {
    emailSubject: "Hoe was uw bezoek aan {brand}?",
    question: "Hoe waarschijnlijk is het dat u {brand} aanbeveelt aan een vriend of collega?",
    detractorPrompt: "Dat spijt ons. Wat ging er mis?",
    passivePrompt: "Bedankt. Wat zou er een 10 van maken?",
    promoterPrompt: "Hartelijk dank! Wat vond u het beste?",
    thankYou: "Bedankt voor uw feedback. Die gaat rechtstreeks naar het team.",
  },
  pl: {
    emailSubject: "Jak oceniasz wizytę w {brand}?",
    question: "Jak bardzo prawdopodobne jest, że polecisz {brand} znajomemu lub współpracownikowi?",
    detractorPrompt: "Przykro nam. Co poszło nie tak?",
    passivePrompt: "Dziękujemy. Co sprawiłoby, że dałbyś 10?",
    promoterPrompt: "Dziękujemy! Co podobało Ci się najbardziej?",
    thankYou: "Dziękujemy za opinię. Trafi bezpośrednio do zespołu.",
  },
  fr: {
    emailSubject: "Comment s'est passée votre visite chez {brand} ?",
    question: "Quelle est la probabilité que vous recommandiez {brand} à un ami ou un collègue ?",
    detractorPrompt: "Nous en sommes désolés. Qu'est-ce qui n'a pas été ?",
    passivePrompt: "Merci. Qu'est-ce qui en ferait un 10 ?",
    promoterPrompt: "Merci beaucoup ! Qu'avez-vous le plus apprécié ?",
    thankYou: "Merci pour votre avis. Il est transmis directement à l'équipe.",
  },
};

export function withBrand(text: string, brand: string): string {
  return text.replaceAll("{brand}", brand);
}
