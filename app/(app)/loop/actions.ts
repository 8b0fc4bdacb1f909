"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { setCustomerServiceTeam, setRegionManager, updateStoreLoopSettings, updateSurveyLoopSettings } from "@/lib/followups/loop-settings";
import {
  customerServiceTeamSchema,
  regionManagerSchema,
  storeLoopSettingsSchema,
  surveyLoopSettingsSchema,
} from "@/lib/followups/loop-settings-schemas";
import { createRootCause, setRootCauseArchived } from "@/lib/followups/root-causes";
import { rootCauseInputSchema } from "@/lib/followups/schemas";

const loop = { revalidate: ["/loop"] } as const;

export async function saveSurveyLoopAction(surveyId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...loop, action: "saveSurveyLoopAction", schema: surveyLoopSettingsSchema }, (member, input) =>
    updateSurveyLoopSettings(member, surveyId, input).then(() => "Loop settings saved"),
  );
}

export async function saveStoreLoopAction(storeId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...loop, action: "saveStoreLoopAction", schema: storeLoopSettingsSchema }, (member, input) =>
    updateStoreLoopSettings(member, storeId, input).then(() => "Store saved"),
  );
}

export async function setRegionManagerAction(regionId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...loop, action: "setRegionManagerAction", schema: regionManagerSchema }, (member, input) =>
    setRegionManager(member, regionId, input.membershipId).then(() => "Region manager saved"),
  );
}

export async function setCustomerServiceTeamAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...loop, action: "setCustomerServiceTeamAction", schema: customerServiceTeamSchema }, (member, input) =>
    setCustomerServiceTeam(member, input.membershipIds).then(() => "Team saved"),
  );
}

export async function addRootCauseAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...loop, action: "addRootCauseAction", schema: rootCauseInputSchema }, (member, input) =>
    createRootCause(member, input).then(async () => (await getTranslations("loopPage"))("added", { label: input.label })),
  );
}

export async function archiveRootCauseAction(rootCauseId: string, archived: boolean, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...loop, action: "archiveRootCauseAction" }, (member) =>
    setRootCauseArchived(member, rootCauseId, archived).then(() => (archived ? "Archived" : "Restored")),
  );
}
