import type { Locale } from "./locales";

// Fixed words of the survey email and landing pages. The tenant-editable texts (question, prompts) live in
// SurveyText; lib/surveys/default-texts.ts holds their starting values.
export type SurveyMessages = {
  notLikely: string;
  veryLikely: string;
  emailFooter: string;
  unsubscribe: string;
  unsubscribed: string;
  yourScore: string;
  commentLabel: string;
  callbackConsent: string;
  phoneLabel: string;
  submit: string;
  leaveReview: string;
  changeScore: string;
  invalidLinkTitle: string;
  invalidLinkBody: string;
  badScoreTitle: string;
  badScoreBody: string;
  commentTooLong: (max: number) => string;
  phoneRequired: string;
  tooManyTitle: string;
  tooManyBody: string;
  tryAgainTitle: string;
  tryAgainBody: string;
  confirmTitle: string;
  confirmButton: (score: number) => string;
  /** The accessible name of a score button in the email, where the button shows only the number. */
  scoreOutOfTen: (score: number) => string;
  burstTitle: string;
  burstBody: string;
};

export const MESSAGES: Record<Locale, SurveyMessages> = {
  en: {
    notLikely: "Not at all likely",
    veryLikely: "Extremely likely",
    emailFooter: "Click a number: one click records your answer.",
    unsubscribe: "Unsubscribe from these surveys",
    unsubscribed: "You will not receive these surveys any more.",
    yourScore: "Your score",
    commentLabel: "Your comment",
    callbackConsent: "Yes, you may call me back about this",
    phoneLabel: "Phone number",
    submit: "Send",
    leaveReview: "Leave a public review",
    changeScore: "Picked the wrong number? Choose again:",
    invalidLinkTitle: "This link is not valid",
    invalidLinkBody: "The survey link is unknown or incomplete. Please use the link from your email.",
    badScoreTitle: "That score does not exist",
    badScoreBody: "Please choose a number from 0 to 10.",
    commentTooLong: (max) => `Please keep your comment under ${max} characters.`,
    phoneRequired: "Please enter a phone number so that we can call you back.",
    tooManyTitle: "Too many requests",
    tooManyBody: "Please wait a minute and try again.",
    tryAgainTitle: "Please try again",
    tryAgainBody: "Something went wrong on our side and your answer was not saved. Please click again in a moment.",
    confirmTitle: "Please confirm your answer",
    confirmButton: (score) => `My answer is ${score}`,
    scoreOutOfTen: (score) => `${score} out of 10`,
    burstTitle: "Which score do you mean?",
    burstBody: "We received several different answers at once. Please choose one.",
  },
  de: {
    notLikely: "Überhaupt nicht wahrscheinlich",
    veryLikely: "Äußerst wahrscheinlich",
    emailFooter: "Klicken Sie auf eine Zahl: Ein Klick speichert Ihre Antwort.",
    unsubscribe: "Diese Umfragen abbestellen",
    unsubscribed: "Sie erhalten diese Umfragen nicht mehr.",
    yourScore: "Ihre Bewertung",
    commentLabel: "Ihr Kommentar",
    callbackConsent: "Ja, Sie dürfen mich dazu zurückrufen",
    phoneLabel: "Telefonnummer",
    submit: "Senden",
    leaveReview: "Öffentliche Bewertung schreiben",
    changeScore: "Falsche Zahl gewählt? Wählen Sie erneut:",
    invalidLinkTitle: "Dieser Link ist ungültig",
    invalidLinkBody: "Der Umfragelink ist unbekannt oder unvollständig. Bitte nutzen Sie den Link aus Ihrer E-Mail.",
    badScoreTitle: "Diese Bewertung gibt es nicht",
    badScoreBody: "Bitte wählen Sie eine Zahl von 0 bis 10.",
    commentTooLong: (max) => `Bitte fassen Sie sich kürzer als ${max} Zeichen.`,
    phoneRequired: "Bitte geben Sie eine Telefonnummer an, damit wir Sie zurückrufen können.",
    tooManyTitle: "Zu viele Anfragen",
    tooManyBody: "Bitte warten Sie eine Minute und versuchen Sie es erneut.",
    tryAgainTitle: "Bitte versuchen Sie es erneut",
    tryAgainBody: "Bei uns ist etwas schiefgelaufen, Ihre Antwort wurde nicht gespeichert. Bitte klicken Sie gleich noch einmal.",
    confirmTitle: "Bitte bestätigen Sie Ihre Antwort",
    confirmButton: (score) => `Meine Antwort ist ${score}`,
    scoreOutOfTen: (score) => `${score} von 10`,
    burstTitle: "Welche Bewertung meinen Sie?",
    burstBody: "Wir haben mehrere verschiedene Antworten gleichzeitig erhalten. Bitte wählen Sie eine.",
  },
  nl: {
    notLikely: "Helemaal niet waarschijnlijk",
    veryLikely: "Zeer waarschijnlijk",
    emailFooter: "Klik op een cijfer: één klik legt uw antwoord vast.",
    unsubscribe: "Afmelden voor deze enquêtes",
    unsubscribed: "U ontvangt deze enquêtes niet meer.",
    yourScore: "Uw score",
    commentLabel: "Uw opmerking",
    callbackConsent: "Ja, u mag mij hierover terugbellen",
    phoneLabel: "Telefoonnummer",
    submit: "Versturen",
    leaveReview: "Schrijf een openbare review",
    changeScore: "Verkeerd cijfer gekozen? Kies opnieuw:",
    invalidLinkTitle: "Deze link is niet geldig",
    invalidLinkBody: "De enquêtelink is onbekend of onvolledig. Gebruik de link uit uw e-mail.",
    badScoreTitle: "Die score bestaat niet",
    badScoreBody: "Kies een cijfer van 0 tot 10.",
    commentTooLong: (max) => `Houd uw opmerking korter dan ${max} tekens.`,
    phoneRequired: "Vul een telefoonnummer in zodat we u kunnen terugbellen.",
    tooManyTitle: "Te veel verzoeken",
    tooManyBody: "Wacht een minuut en probeer het opnieuw.",
    tryAgainTitle: "Probeer het opnieuw",
    tryAgainBody: "Er ging bij ons iets mis en uw antwoord is niet opgeslagen. Klik zo dadelijk nog eens.",
    confirmTitle: "Bevestig uw antwoord",
    confirmButton: (score) => `Mijn antwoord is ${score}`,
    scoreOutOfTen: (score) => `${score} van de 10`,
    burstTitle: "Welke score bedoelt u?",
    burstBody: "We ontvingen meerdere verschillende antwoorden tegelijk. Kies er één.",
  },
  pl: {
    notLikely: "Zupełnie nieprawdopodobne",
    veryLikely: "Bardzo prawdopodobne",
    emailFooter: "Kliknij liczbę: jedno kliknięcie zapisuje odpowiedź.",
    unsubscribe: "Wypisz się z tych ankiet",
    unsubscribed: "Nie będziesz już otrzymywać tych ankiet.",
    yourScore: "Twoja ocena",
    commentLabel: "Twój komentarz",
    callbackConsent: "Tak, możecie do mnie oddzwonić w tej sprawie",
    phoneLabel: "Numer telefonu",
    submit: "Wyślij",
    leaveReview: "Wystaw publiczną opinię",
    changeScore: "Wybrano złą liczbę? Wybierz ponownie:",
    invalidLinkTitle: "Ten link jest nieprawidłowy",
    invalidLinkBody: "Link do ankiety jest nieznany lub niepełny. Użyj linku z wiadomości e-mail.",
    badScoreTitle: "Taka ocena nie istnieje",
    badScoreBody: "Wybierz liczbę od 0 do 10.",
    commentTooLong: (max) => `Komentarz może mieć najwyżej ${max} znaków.`,
    phoneRequired: "Podaj numer telefonu, abyśmy mogli oddzwonić.",
    tooManyTitle: "Zbyt wiele żądań",
    tooManyBody: "Odczekaj minutę i spróbuj ponownie.",
    tryAgainTitle: "Spróbuj ponownie",
    tryAgainBody: "Coś poszło nie tak po naszej stronie i odpowiedź nie została zapisana. Kliknij ponownie za chwilę.",
    confirmTitle: "Potwierdź swoją odpowiedź",
    confirmButton: (score) => `Moja odpowiedź to ${score}`,
    scoreOutOfTen: (score) => `${score} na 10`,
    burstTitle: "Którą ocenę masz na myśli?",
    burstBody: "Otrzymaliśmy kilka różnych odpowiedzi naraz. Wybierz jedną.",
  },
  fr: {
    notLikely: "Pas du tout probable",
    veryLikely: "Très probable",
    emailFooter: "Cliquez sur un chiffre : un clic enregistre votre réponse.",
    unsubscribe: "Se désabonner de ces enquêtes",
    unsubscribed: "Vous ne recevrez plus ces enquêtes.",
    yourScore: "Votre note",
    commentLabel: "Votre commentaire",
    callbackConsent: "Oui, vous pouvez me rappeler à ce sujet",
    phoneLabel: "Numéro de téléphone",
    submit: "Envoyer",
    leaveReview: "Laisser un avis public",
    changeScore: "Mauvais chiffre ? Choisissez à nouveau :",
    invalidLinkTitle: "Ce lien n'est pas valide",
    invalidLinkBody: "Le lien de l'enquête est inconnu ou incomplet. Veuillez utiliser le lien de votre e-mail.",
    badScoreTitle: "Cette note n'existe pas",
    badScoreBody: "Veuillez choisir un chiffre de 0 à 10.",
    commentTooLong: (max) => `Votre commentaire doit faire moins de ${max} caractères.`,
    phoneRequired: "Veuillez indiquer un numéro de téléphone pour que nous puissions vous rappeler.",
    tooManyTitle: "Trop de requêtes",
    tooManyBody: "Veuillez patienter une minute puis réessayer.",
    tryAgainTitle: "Veuillez réessayer",
    tryAgainBody: "Un problème est survenu de notre côté et votre réponse n'a pas été enregistrée. Cliquez à nouveau dans un instant.",
    confirmTitle: "Veuillez confirmer votre réponse",
    confirmButton: (score) => `Ma réponse est ${score}`,
    scoreOutOfTen: (score) => `${score} sur 10`,
    burstTitle: "Quelle note voulez-vous donner ?",
    burstBody: "Nous avons reçu plusieurs réponses différentes en même temps. Veuillez en choisir une.",
  },
};
