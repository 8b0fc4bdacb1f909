"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import {
  addNote,
  assignFollowUp,
  closeFollowUp,
  logCallAttempt,
  markContacted,
  setRootCause,
} from "@/lib/followups/followups";
import { assignInputSchema, closeInputSchema, noteInputSchema, rootCauseChoiceSchema } from "@/lib/followups/schemas";

const pagesOf = (followUpId: string) => ["/queue", `/queue/${followUpId}`];

export async function markContactedAction(followUpId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "markContactedAction", revalidate: pagesOf(followUpId) }, async (member) => {
    await markContacted(member, followUpId);
    return "Marked as contacted";
  });
}

export async function callAttemptAction(followUpId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "callAttemptAction", revalidate: pagesOf(followUpId) }, async (member) => {
    const { callAttempts } = await logCallAttempt(member, followUpId);
    return `Call attempt ${callAttempts} recorded`;
  });
}

export async function assignAction(followUpId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "assignAction", schema: assignInputSchema, revalidate: pagesOf(followUpId) }, async (member, input) => {
    await assignFollowUp(member, followUpId, input);
    return input.membershipId ? "Assigned" : "Unassigned";
  });
}

export async function rootCauseAction(followUpId: string, _state: ActionState, formData: FormData) {
  const options = { action: "rootCauseAction", schema: rootCauseChoiceSchema, revalidate: pagesOf(followUpId) } as const;
  return runMemberAction(formData, options, async (member, input) => {
    await setRootCause(member, followUpId, input.rootCauseId);
    return "Root cause saved";
  });
}

export async function addNoteAction(followUpId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "addNoteAction", schema: noteInputSchema, revalidate: pagesOf(followUpId) }, async (member, input) => {
    await addNote(member, followUpId, input);
    return "Note added";
  });
}

export async function closeFollowUpAction(followUpId: string, _state: ActionState, formData: FormData) {
  const options = { action: "closeFollowUpAction", schema: closeInputSchema, revalidate: pagesOf(followUpId) } as const;
  return runMemberAction(formData, options, async (member, input) => {
    await closeFollowUp(member, followUpId, input);
    return "Closed";
  });
}
