import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { ACCESS, type ActionName } from "../auth/access";
import { requireMember } from "../auth/session";
import type { MemberWithRole } from "../tenancy/tenant";
import { handleForm, type ActionState } from "./action-state";
import { localizeActionState } from "../i18n/form-messages";
import { getRequestLocale } from "../i18n/request-locale";

const NO_INPUT = { safeParse: () => ({ success: true, data: {} }) } as unknown as z.ZodType<Record<string, never>>;

/**
 * The body of every signed-in form action: guard the role the action has in ACCESS (by its own name), parse the
 * form with its zod schema, do the work as the member, refresh the pages that show the result; answer in the
 * member's language.
 */
export async function runMemberAction<S extends z.ZodType, A extends ActionName>(
  formData: FormData,
  options: { action: A; schema?: S; revalidate: readonly string[] },
  work: (member: MemberWithRole<(typeof ACCESS)[A]>, input: z.infer<S>) => Promise<string | void>,
): Promise<ActionState> {
  // An action is a public HTTP endpoint: a hand-made post can put anything in any argument.
  if (!(formData instanceof FormData)) notFound();
  const member = await requireMember(ACCESS[options.action], "not-found");
  const schema = (options.schema ?? NO_INPUT) as S;
  const state = await handleForm(schema, formData, (input) => work(member, input));
  for (const path of options.revalidate) revalidatePath(path);
  return localizeActionState(state, await getRequestLocale());
}
