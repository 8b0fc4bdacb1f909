"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { endSession } from "@/lib/identity/sessions";

export async function endSessionAction(sessionId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { revalidate: ["/settings/sessions"], action: "endSessionAction" }, (member) =>
    endSession(member, sessionId).then(() => "Ended"),
  );
}
