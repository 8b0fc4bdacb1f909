"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { surveySendInputSchema } from "@/lib/sending/schemas";
import { sendSurvey } from "@/lib/sending/send-survey";

export async function sendSurveyAction(_state: ActionState, formData: FormData) {
  const options = { action: "sendSurveyAction", schema: surveySendInputSchema, revalidate: [] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    const send = await sendSurvey(member, input);
    if (send.status === "sent") return `Survey sent to ${input.email}`;
    return `Survey to ${input.email} queued${send.sendAfter ? ` for ${send.sendAfter.toISOString().slice(0, 16).replace("T", " ")} UTC (quiet hours)` : ""}`;
  });
}
