import { MESSAGES, type SurveyMessages } from "@/lib/i18n/messages";
import { fieldErrorsOf, formObject } from "@/lib/forms/action-state";
import { saveComment } from "@/lib/responses/record-score";
import { COMMENT_MAX_LENGTH, commentInputSchema } from "@/lib/responses/schemas";
import { getSurveyLink } from "@/lib/responses/survey-link";
import { landingUrl } from "@/lib/sending/survey-links";
import { landingPage, localeOf, withSurveyLink } from "../pages";
import type { z } from "zod";

type Context = { params: Promise<{ token: string }> };

/** The landing page's form (a plain POST, no script): comment and call-back consent. */
export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  return withSurveyLink(request, token, async () => {
    const link = await getSurveyLink(token);
    if (!link.response) return Response.redirect(landingUrl(token), 303);
    const form = formObject(await request.formData().catch(() => new FormData()));
    const parsed = commentInputSchema.safeParse(form);
    if (!parsed.success) {
      const values = {
        comment: String(form.comment ?? ""),
        callbackConsent: form.callbackConsent === "yes",
        callbackPhone: String(form.callbackPhone ?? ""),
      };
      return landingPage(link, { values, errors: localizedErrors(parsed.error, MESSAGES[localeOf(link)]) }, 400);
    }
    await saveComment(token, parsed.data);
    return Response.redirect(`${landingUrl(token)}/thanks`, 303);
  });
}

function localizedErrors(error: z.ZodError, messages: SurveyMessages): Record<string, string> {
  const errors = fieldErrorsOf(error);
  // A browser's textarea can only exceed the length; other refusals (a NUL character) come from crafted requests.
  if (errors.comment) errors.comment = messages.commentTooLong(COMMENT_MAX_LENGTH);
  if (errors.callbackPhone === "phoneRequired") errors.callbackPhone = messages.phoneRequired;
  return errors;
}
