"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { addNote, closeFollowUp, markContacted } from "@/lib/followups/followups";
import { closeInputSchema, noteInputSchema } from "@/lib/followups/schemas";

const pagesOf = (followUpId: string) => ["/queue", `/queue/${followUpId}`];

export async function markContactedAction(followUpId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { revalidate: pagesOf(followUpId) }, async (member) => {
    await markContacted(member, followUpId);
    return "Marked as contacted";
  });
}

export async function addNoteAction(followUpId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { schema: noteInputSchema, revalidate: pagesOf(followUpId) }, async (member, input) => {
    await addNote(member, followUpId, input);
    return "Note added";
  });
}

export async function closeFollowUpAction(followUpId: string, _state: ActionState, formData: FormData) {
  const options = { schema: closeInputSchema, revalidate: pagesOf(followUpId) };
  return runMemberAction(formData, options, async (member, input) => {
    await closeFollowUp(member, followUpId, input);
    return "Closed";
  });
}
