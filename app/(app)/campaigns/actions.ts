"use server";

import { redirect } from "next/navigation";
import { startCampaign } from "@/lib/campaigns/campaigns";
import { campaignInputSchema } from "@/lib/campaigns/schemas";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";

export async function startCampaignAction(_state: ActionState, formData: FormData) {
  const options = { action: "startCampaignAction", schema: campaignInputSchema, revalidate: ["/campaigns"] } as const;
  const state = await runMemberAction(formData, options, async (member, input) => {
    await startCampaign(member, input);
    return `Campaign ${input.name} started`;
  });
  if (state.ok) redirect("/campaigns");
  return state;
}
