"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { saveSendingPolicy } from "@/lib/sending/policy";
import { sendingPolicyInputSchema } from "@/lib/sending/schemas";

export async function saveSendingPolicyAction(_state: ActionState, formData: FormData) {
  const options = { action: "saveSendingPolicyAction", schema: sendingPolicyInputSchema, revalidate: ["/settings/sending"] } as const;
  return runMemberAction(formData, options, (member, input) => saveSendingPolicy(member, input).then(async () => (await getTranslations("sendingPage"))("saved")));
}
