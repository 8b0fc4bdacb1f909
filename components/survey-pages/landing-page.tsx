import type { Category } from "@/lib/responses/nps";
import type { SurveyMessages } from "@/lib/i18n/messages";
import { PromoterInvite, type PromoterLinks } from "@/components/promoters/promoter-invite";
import type { Locale } from "@/lib/i18n/locales";
import { textColorOn } from "@/lib/surveys/brand-color";
import { ScoreScale } from "./score-scale";
import { SurveyPage, type Branding } from "./survey-page";

export type LandingProps = {
  lang: Locale;
  branding: Branding;
  messages: SurveyMessages;
  score: number;
  category: Category;
  prompt: string;
  question: string;
  /** Review and referral invitations (tracking redirects) shown to promoters. */
  promoterLinks: PromoterLinks;
  commentAction: string;
  scoreHref: (score: number) => string;
  values: { comment: string; callbackConsent: boolean; callbackPhone: string };
  errors: Record<string, string>;
};

/** The page a click on a score opens: one question that fits the score, and a way to change the score. */
export function LandingPage(props: LandingProps) {
  const { messages, category, values, errors, branding } = props;
  return (
    <SurveyPage lang={props.lang} title={props.prompt} branding={branding}>
      <p className="score">
        {messages.yourScore}: <strong>{props.score}</strong>
      </p>
      <form method="post" action={props.commentAction}>
        <h1>
          <label htmlFor="comment" style={{ margin: 0 }}>
            {props.prompt}
          </label>
        </h1>
        <textarea id="comment" name="comment" defaultValue={values.comment} aria-invalid={Boolean(errors.comment)} />
        {errors.comment && <p className="error">{errors.comment}</p>}
        {category === "detractor" && (
          <>
            <label className="check">
              <input type="checkbox" name="callbackConsent" value="yes" defaultChecked={values.callbackConsent} />
              <span>{messages.callbackConsent}</span>
            </label>
            <label htmlFor="callbackPhone">{messages.phoneLabel}</label>
            <input
              id="callbackPhone"
              type="tel"
              name="callbackPhone"
              autoComplete="tel"
              defaultValue={values.callbackPhone}
              aria-invalid={Boolean(errors.callbackPhone)}
            />
            {errors.callbackPhone && <p className="error">{errors.callbackPhone}</p>}
          </>
        )}
        <button type="submit" style={{ background: branding.brandColor, color: textColorOn(branding.brandColor) }}>
          {messages.submit}
        </button>
      </form>
      {category === "promoter" && <PromoterInvite links={props.promoterLinks} locale={props.lang} leaveReview={messages.leaveReview} />}
      <hr style={{ border: 0, borderTop: "1px solid #e3e6eb", margin: "24px 0 12px" }} />
      <p className="muted">{messages.changeScore}</p>
      <ScoreScale
        hrefFor={props.scoreHref}
        chosen={props.score}
        notLikely={messages.notLikely}
        veryLikely={messages.veryLikely}
      />
    </SurveyPage>
  );
}
