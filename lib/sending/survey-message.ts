import { renderSurveyEmail } from "@/emails/survey-email";
import { env } from "../env";
import { resolveLocale, type Locale } from "../i18n/locales";
import type { OutgoingMail } from "../mail/send-mail";
import { SCORES } from "../responses/nps";
import { scoreUrl, unsubscribeHeaders, unsubscribeUrl } from "./survey-links";
import { withBrand } from "../surveys/default-texts";

export type MessageFacts = {
  id: string;
  organizationId: string;
  token: string;
  locale: string;
  contact: { email: string; name: string | null };
  organization: { name: string; brandColor: string; defaultLocale: string };
  survey: { texts: { locale: string; emailSubject: string; question: string }[] };
};

// Rendering the React Email template costs ~6 ms, too slow for hundreds of sends a second on two cores. The
// HTML only differs between sends by the token and the greeting's name, so each variant is rendered once with
// markers, and each send swaps in its own (the name HTML-escaped). The cache is per process and bounded.
const TOKEN_MARK = "TOKENMARK0000000000000000000000X";
const NAME_MARK = "NAMEMARK7f3a";
const CACHE_LIMIT = 500;
const rendered = new Map<string, Promise<{ html: string; text: string }>>();

/** The survey email of a send: subject, both parts, the unsubscribe headers and a Message-ID of its own. */
export async function surveyMessage(send: MessageFacts, options: { subjectPrefix?: string } = {}): Promise<OutgoingMail> {
  const locale = resolveLocale(send.locale, send.organization.defaultLocale);
  const texts = send.survey.texts.find((t) => t.locale === locale) ?? send.survey.texts[0];
  if (!texts) throw new Error(`Survey of send ${send.id} has no texts`);
  const brand = send.organization.name;
  const question = withBrand(texts.question, brand);
  const named = Boolean(send.contact.name?.trim());
  const template = await cachedRender({ brand, brandColor: send.organization.brandColor, locale, question, named });
  const fill = (part: string, name: string) => part.replaceAll(TOKEN_MARK, send.token).replaceAll(NAME_MARK, name);
  const name = send.contact.name?.trim() ?? "";
  return {
    organizationId: send.organizationId,
    to: send.contact.email,
    subject: `${options.subjectPrefix ?? ""}${withBrand(texts.emailSubject, brand)}`,
    html: fill(template.html, escapeHtml(name)),
    text: fill(template.text, name),
    // The same Message-ID on every attempt: a mailbox that gets a retried message twice shows it once.
    headers: { ...unsubscribeHeaders(send.token), "Message-ID": `<survey-${send.id}@${new URL(env().APP_URL).hostname}>` },
  };
}

function cachedRender(props: { brand: string; brandColor: string; locale: Locale; question: string; named: boolean }) {
  const key = JSON.stringify(props);
  let entry = rendered.get(key);
  if (!entry) {
    if (rendered.size >= CACHE_LIMIT) rendered.clear();
    entry = renderSurveyEmail({
      brand: props.brand,
      brandColor: props.brandColor,
      locale: props.locale,
      question: props.question,
      greetingName: props.named ? NAME_MARK : null,
      scoreUrls: SCORES.map((score) => scoreUrl(TOKEN_MARK, score)),
      unsubscribeUrl: unsubscribeUrl(TOKEN_MARK),
    });
    entry.catch(() => rendered.delete(key));
    rendered.set(key, entry);
  }
  return entry;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}
