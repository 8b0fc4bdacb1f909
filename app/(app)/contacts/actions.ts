"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { eraseContact } from "@/lib/privacy/erase-contact";

export async function eraseContactAction(contactId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "eraseContactAction", revalidate: ["/contacts", `/contacts/${contactId}`] }, (member) =>
    eraseContact(member, contactId).then(() => "Erased: personal data and comments removed, scores kept"),
  );
}
