"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { surveySendInputSchema } from "@/lib/sending/schemas";
import { sendSurvey } from "@/lib/sending/send-survey";

export async function sendSurveyAction(_state: ActionState, formData: FormData) {
  const options = { action: "sendSurveyAction", schema: surveySendInputSchema, revalidate: [] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    const [send, t] = await Promise.all([sendSurvey(member, input), getTranslations("sendPage")]);
    if (send.status === "sent") return t("sent", { email: input.email });
    if (!send.sendAfter) return t("queued", { email: input.email });
    return t("queuedFor", { email: input.email, time: send.sendAfter.toISOString().slice(0, 16).replace("T", " ") });
  });
}
