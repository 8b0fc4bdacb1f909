"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { ownLocaleSchema, staffLocaleSchema } from "@/lib/members/schemas";
import { setOwnLocale, setStaffLocaleOfTenant } from "@/lib/members/staff-locale";

// A new language changes every word of the app: a fresh request renders the page in it (this request already read
// the old one).
const reloadProfile = () => redirect("/settings/profile");

export async function saveOwnLocaleAction(_state: ActionState, formData: FormData) {
  const options = { action: "saveOwnLocaleAction", schema: ownLocaleSchema, revalidate: [] } as const;
  return runMemberAction(formData, options, (member, input) => setOwnLocale(member.userId, input.locale).then(reloadProfile));
}

export async function saveStaffLocaleAction(_state: ActionState, formData: FormData) {
  const options = { action: "saveStaffLocaleAction", schema: staffLocaleSchema, revalidate: [] } as const;
  return runMemberAction(formData, options, (member, input) => setStaffLocaleOfTenant(member, input.locale).then(reloadProfile));
}
