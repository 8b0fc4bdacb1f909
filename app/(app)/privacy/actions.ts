"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { applyRetention, retentionSchema, setRetention } from "@/lib/privacy/retention";

const privacy = { revalidate: ["/privacy"] } as const;

export async function saveRetentionAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...privacy, action: "saveRetentionAction", schema: retentionSchema }, (member, input) =>
    setRetention(member, input).then(() => "Retention saved"),
  );
}

export async function applyRetentionAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...privacy, action: "applyRetentionAction" }, async (member) => {
    const { comments, contacts } = await applyRetention(member);
    return (await getTranslations("privacyPage"))("anonymised", { comments, contacts });
  });
}
