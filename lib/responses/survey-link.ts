import { db } from "../db/client";
import { isWellFormedSurveyToken } from "../sending/survey-token";
import { NotFoundError } from "../tenancy/tenant";

// The public survey pages know nothing but the token; the send it names fixes the tenant.

/** Everything a landing page needs; throws NotFoundError for unknown or malformed tokens. */
export async function getSurveyLink(token: string) {
  if (!isWellFormedSurveyToken(token)) throw new NotFoundError("Survey link");
  const send = await db.surveySend.findUnique({
    where: { token },
    include: {
      organization: { select: { id: true, name: true, brandColor: true, defaultLocale: true } },
      survey: { include: { texts: true } },
      contact: { select: { id: true, name: true, phone: true, unsubscribedAt: true } },
      store: { select: { name: true, reviewUrl: true } },
      response: true,
    },
  });
  if (!send) throw new NotFoundError("Survey link");
  return send;
}

export type SurveyLink = Awaited<ReturnType<typeof getSurveyLink>>;

/** The survey texts in the send's language, falling back to the tenant's default and then to any. */
export function textsFor(link: SurveyLink) {
  const { texts } = link.survey;
  return (
    texts.find((t) => t.locale === link.locale) ??
    texts.find((t) => t.locale === link.organization.defaultLocale) ??
    texts[0]
  );
}

export async function unsubscribeByToken(token: string, now = new Date()) {
  const link = await getSurveyLink(token);
  if (!link.contact.unsubscribedAt) {
    await db.contact.update({
      where: { id: link.contact.id, organizationId: link.organizationId },
      data: { unsubscribedAt: now },
    });
  }
  return link;
}
