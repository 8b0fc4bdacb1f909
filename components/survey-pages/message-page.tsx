import type { ReactNode } from "react";
import { SurveyPage, type Branding } from "./survey-page";

const NEUTRAL: Branding = { brand: "NPS Loop", brandColor: "#1f4e79" };

/** Thank-you, invalid-link and error pages: a title and a sentence, branded when we know the tenant. */
export function MessagePage({ lang, title, body, branding = NEUTRAL, children }: {
  lang: string;
  title: string;
  body: string;
  branding?: Branding;
  children?: ReactNode;
}) {
  return (
    <SurveyPage lang={lang} title={title} branding={branding}>
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
    </SurveyPage>
  );
}
