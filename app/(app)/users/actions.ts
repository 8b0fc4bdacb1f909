"use server";

import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/forms/action-state";
import { InputError } from "@/lib/forms/input-error";
import { runMemberAction } from "@/lib/forms/member-action";
import { hasRole, inviteMember, removeMember, updateMember } from "@/lib/members/members";
import { sendInvitation } from "@/lib/members/invitation";
import { memberInputSchema, memberUpdateSchema } from "@/lib/members/schemas";

// CX managers may invite staff; only admins hand out the admin role or change and remove members.

export async function inviteMemberAction(_state: ActionState, formData: FormData) {
  const options = { action: "inviteMemberAction", schema: memberInputSchema, revalidate: ["/users"] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    if (input.role === "admin" && !hasRole(member, "admin")) throw new InputError({ role: "Only admins can add admins" });
    const membership = await inviteMember(member, input);
    await sendInvitation(member, membership.id);
    return (await getTranslations("forms"))("canNowSignIn", { email: input.email });
  });
}

export async function updateMemberAction(membershipId: string, _state: ActionState, formData: FormData) {
  const options = { action: "updateMemberAction", schema: memberUpdateSchema, revalidate: ["/users"] } as const;
  return runMemberAction(formData, options, (member, input) =>
    updateMember(member, membershipId, input).then(() => "Saved"),
  );
}

export async function removeMemberAction(membershipId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "removeMemberAction", revalidate: ["/users"] }, (member) =>
    removeMember(member, membershipId).then(() => "Removed"),
  );
}
