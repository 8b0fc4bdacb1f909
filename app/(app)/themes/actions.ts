"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { themeInputSchema, themeUpdateSchema } from "@/lib/themes/schemas";
import { createTheme, updateTheme } from "@/lib/themes/edit-themes";

export async function updateThemeAction(_state: ActionState, formData: FormData) {
  const options = { action: "updateThemeAction", schema: themeUpdateSchema, revalidate: ["/themes"] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    await updateTheme(member, input.themeId, input);
    return `Theme ${input.name} saved; past comments are being tagged again in the background`;
  });
}

export async function createThemeAction(_state: ActionState, formData: FormData) {
  const options = { action: "createThemeAction", schema: themeInputSchema, revalidate: ["/themes"] } as const;
  return runMemberAction(formData, options, async (member, input) => {
    await createTheme(member, input);
    return `Theme ${input.name} created; past comments are being tagged in the background`;
  });
}
