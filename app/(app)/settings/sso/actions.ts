"use server";

import { runMemberAction } from "@/lib/forms/member-action";
import { groupMappingInputSchema, scimTokenInputSchema, ssoConnectionInputSchema } from "@/lib/identity/schemas";
import { createScimToken, revokeScimToken } from "@/lib/identity/scim/scim-tokens";
import { addGroupMapping, removeGroupMapping, saveSsoConnection } from "@/lib/identity/sso-connections";
import type { ActionState } from "@/lib/forms/action-state";

const SSO = { revalidate: ["/settings/sso"] } as const;

export async function saveSsoConnectionAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...SSO, action: "saveSsoConnectionAction", schema: ssoConnectionInputSchema }, (member, input) =>
    saveSsoConnection(member, input).then(() => "Single sign-on saved"),
  );
}

export async function addGroupMappingAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...SSO, action: "addGroupMappingAction", schema: groupMappingInputSchema }, (member, input) =>
    addGroupMapping(member, input).then(() => `Group ${input.group} mapped`),
  );
}

export async function removeGroupMappingAction(mappingId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...SSO, action: "removeGroupMappingAction" }, (member) => removeGroupMapping(member, mappingId).then(() => "Removed"));
}

export async function createScimTokenAction(_state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...SSO, action: "createScimTokenAction", schema: scimTokenInputSchema }, (member, input) => createScimToken(member, input.name));
}

export async function revokeScimTokenAction(tokenId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { ...SSO, action: "revokeScimTokenAction" }, (member) => revokeScimToken(member, tokenId).then(() => "Revoked"));
}
