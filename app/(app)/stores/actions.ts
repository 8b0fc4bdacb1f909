"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { regionInputSchema, storeInputSchema } from "@/lib/stores/schemas";
import { createRegion, createStore } from "@/lib/stores/stores";

export async function createStoreAction(_state: ActionState, formData: FormData) {
  const options = { action: "createStoreAction", schema: storeInputSchema, revalidate: ["/stores"] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    await createStore(member, input);
    return (await getTranslations("storesPage"))("storeCreated", { name: input.name });
  });
}

export async function createRegionAction(_state: ActionState, formData: FormData) {
  const options = { action: "createRegionAction", schema: regionInputSchema, revalidate: ["/stores"] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    await createRegion(member, input);
    return (await getTranslations("storesPage"))("regionCreated", { name: input.name });
  });
}
