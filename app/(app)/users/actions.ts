"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/session";
import { handleForm, type ActionState } from "@/lib/forms/action-state";
import { InputError } from "@/lib/forms/input-error";
import { hasRole, inviteMember, removeMember, updateMember } from "@/lib/members/members";
import { memberInputSchema, memberUpdateSchema } from "@/lib/members/schemas";
import { z } from "zod";

// CX managers may invite staff; only admins hand out the admin role or change and remove members.

export async function inviteMemberAction(_state: ActionState, formData: FormData) {
  const member = await requireMember("cx_manager");
  const state = await handleForm(memberInputSchema, formData, async (input) => {
    if (input.role === "admin" && !hasRole(member, "admin")) throw new InputError({ role: "Only admins can add admins" });
    await inviteMember(member, input);
    return `${input.email} can now sign in`;
  });
  revalidatePath("/users");
  return state;
}

export async function updateMemberAction(membershipId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember("admin");
  const state = await handleForm(memberUpdateSchema, formData, async (input) => {
    await updateMember(member, membershipId, input);
  });
  revalidatePath("/users");
  return state;
}

export async function removeMemberAction(membershipId: string, _state: ActionState, formData: FormData) {
  const member = await requireMember("admin");
  const state = await handleForm(z.object({}), formData, async () => {
    await removeMember(member, membershipId);
    return "Removed";
  });
  revalidatePath("/users");
  return state;
}
