"use server";

import { requireMember } from "@/lib/auth/session";
import { handleForm, type ActionState } from "@/lib/forms/action-state";
import { surveySendInputSchema } from "@/lib/survey-sends/schemas";
import { sendSurvey } from "@/lib/survey-sends/send-survey";

export async function sendSurveyAction(_state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  return handleForm(surveySendInputSchema, formData, async (input) => {
    await sendSurvey(member, input);
    return `Survey sent to ${input.email}`;
  });
}
