"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { handleForm, type ActionState } from "@/lib/forms/action-state";
import { regionInputSchema, storeInputSchema } from "@/lib/stores/schemas";
import { createRegion, createStore } from "@/lib/stores/stores";

export async function createStoreAction(_state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  const state = await handleForm(storeInputSchema, formData, async (input) => {
    await createStore(member, input);
    return `Store ${input.name} created`;
  });
  revalidatePath("/stores");
  return state;
}

export async function createRegionAction(_state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  const state = await handleForm(regionInputSchema, formData, async (input) => {
    await createRegion(member, input);
    return `Region ${input.name} created`;
  });
  revalidatePath("/stores");
  return state;
}
