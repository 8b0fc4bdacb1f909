"use server";

import { digestSendSchema } from "@/lib/digests/schemas";
import { sendDigestNow } from "@/lib/digests/send-digests";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";

export async function sendDigestNowAction(storeId: string, _state: ActionState, formData: FormData) {
  const options = { action: "sendDigestNowAction", schema: digestSendSchema, revalidate: [] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    const { sent } = await sendDigestNow(member, storeId, input.week);
    return sent === 0 ? "Nobody to send it to: the store has no managers yet" : `Sent to ${sent} store manager${sent === 1 ? "" : "s"}`;
  });
}
