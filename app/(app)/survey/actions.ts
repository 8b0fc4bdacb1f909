"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { updateBranding } from "@/lib/organizations/organizations";
import { brandingSchema } from "@/lib/organizations/schemas";
import { surveySettingsSchema, surveyTextSchema } from "@/lib/surveys/schemas";
import { addSurvey, saveSurveyText, updateSurveySettings } from "@/lib/surveys/surveys";

const survey = { revalidate: ["/survey", "/loop"] } as const;

export async function saveSurveySettingsAction(surveyId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...survey, action: "saveSurveySettingsAction", schema: surveySettingsSchema }, (member, input) =>
    updateSurveySettings(member, surveyId, input).then(() => "Survey saved"),
  );
}

export async function saveSurveyTextAction(surveyId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...survey, action: "saveSurveyTextAction", schema: surveyTextSchema }, (member, input) =>
    saveSurveyText(member, surveyId, input).then(() => "Texts saved"),
  );
}

export async function saveBrandingAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...survey, action: "saveBrandingAction", schema: brandingSchema }, (member, input) =>
    updateBranding(member, input).then(() => "Branding saved"),
  );
}

export async function addSurveyAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...survey, action: "addSurveyAction", schema: surveySettingsSchema }, (member, input) =>
    addSurvey(member, input).then(async (created) => (await getTranslations("surveyPage"))("added", { name: created.name })),
  );
}
