"use server";

import type { ActionState } from "@/lib/forms/action-state";
import { runMemberAction } from "@/lib/forms/member-action";
import { retryFailedJob } from "@/lib/worker/job-problems";

export async function retryJobAction(jobId: string, _state: ActionState, formData: FormData) {
  return runMemberAction(formData, { action: "retryJobAction", revalidate: ["/jobs"] }, async (member) => {
    await retryFailedJob(member, jobId);
    return "Queued again";
  });
}
