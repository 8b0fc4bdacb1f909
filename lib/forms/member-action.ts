import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { requireMember } from "../auth/session";
import type { Role } from "../generated/prisma/enums";
import type { MemberWithRole } from "../tenancy/tenant";
import { handleForm, type ActionState } from "./action-state";

const NO_INPUT = { safeParse: () => ({ success: true, data: {} }) } as unknown as z.ZodType<Record<string, never>>;

/**
 * The body of every signed-in form action: guard the role, parse the form with its zod schema, do the work as
 * the member, refresh the pages that show the result.
 */
export async function runMemberAction<S extends z.ZodType, R extends Role = "store_manager">(
  formData: FormData,
  options: { role?: R; schema?: S; revalidate: readonly string[] },
  work: (member: MemberWithRole<R>, input: z.infer<S>) => Promise<string | void>,
): Promise<ActionState> {
  // An action is a public HTTP endpoint: a hand-made post can put anything in any argument.
  if (!(formData instanceof FormData)) notFound();
  const member = await requireMember<R>(options.role);
  const schema = (options.schema ?? NO_INPUT) as S;
  const state = await handleForm(schema, formData, (input) => work(member, input));
  for (const path of options.revalidate) revalidatePath(path);
  return state;
}
