"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { handleForm, type ActionState } from "@/lib/forms/action-state";
import { updateBranding } from "@/lib/organizations/organizations";
import { brandingSchema } from "@/lib/organizations/schemas";
import { surveySettingsSchema, surveyTextSchema } from "@/lib/surveys/schemas";
import { saveSurveyText, updateSurveySettings } from "@/lib/surveys/surveys";

export async function saveSurveySettingsAction(surveyId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  const state = await handleForm(surveySettingsSchema, formData, async (input) => {
    await updateSurveySettings(member, surveyId, input);
  });
  revalidatePath("/survey");
  return state;
}

export async function saveSurveyTextAction(surveyId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  const state = await handleForm(surveyTextSchema, formData, async (input) => {
    await saveSurveyText(member, surveyId, input);
  });
  revalidatePath("/survey");
  return state;
}

export async function saveBrandingAction(_state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  const state = await handleForm(brandingSchema, formData, async (input) => {
    await updateBranding(member, input);
  });
  revalidatePath("/survey");
  return state;
}
