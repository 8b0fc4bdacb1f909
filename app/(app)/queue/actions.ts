"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { handleForm, type ActionState } from "@/lib/forms/action-state";
import { addNote, closeFollowUp, markContacted } from "@/lib/followups/followups";
import { closeInputSchema, noteInputSchema } from "@/lib/followups/schemas";
import { z } from "zod";

const empty = z.object({});

export async function markContactedAction(followUpId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember();
  const state = await handleForm(empty, formData, async () => {
    await markContacted(member, followUpId);
    return "Marked as contacted";
  });
  revalidateFollowUp(followUpId);
  return state;
}

export async function addNoteAction(followUpId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember();
  const state = await handleForm(noteInputSchema, formData, async (input) => {
    await addNote(member, followUpId, input);
    return "Note added";
  });
  revalidateFollowUp(followUpId);
  return state;
}

export async function closeFollowUpAction(followUpId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember();
  const state = await handleForm(closeInputSchema, formData, async (input) => {
    await closeFollowUp(member, followUpId, input);
    return "Closed";
  });
  revalidateFollowUp(followUpId);
  return state;
}

function revalidateFollowUp(followUpId: string) {
  revalidatePath("/queue");
  revalidatePath(`/queue/${followUpId}`);
}
