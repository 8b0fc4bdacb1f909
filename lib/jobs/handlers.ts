import { deliverFollowUpAlert } from "../alerts/deliver-alert";
import { escalateFollowUp } from "../alerts/escalate";
import { enqueueWeeklyDigests, sendStoreDigest } from "../digests/send-digests";
import { sendResurvey } from "../resurveys/send-resurvey";
import { INTEGRATION_HANDLERS } from "./integration-handlers";
import type { JobData, JobKind } from "./queues";
import { runThemeRetag } from "../themes/retag";
import { sweepDueWork } from "./sweep";

const tenantOf = (data: { organizationId: string }) => ({ organizationId: data.organizationId });

/** What each job does: a call into lib/, which re-checks the facts when it runs and is safe to run twice. */
export const HANDLERS: { [K in JobKind]: (data: JobData[K]) => Promise<unknown> } = {
  ...INTEGRATION_HANDLERS,
  alert: (data) => deliverFollowUpAlert(tenantOf(data), data.responseId, { commentAdded: data.commentAdded ?? false }),
  escalation: (data) => escalateFollowUp(tenantOf(data), data.followUpId),
  resurvey: (data) => sendResurvey(tenantOf(data), data.resurveyId),
  storeDigest: (data) => sendStoreDigest(tenantOf(data), data.storeId, data.weekStart),
  weeklyDigests: () => enqueueWeeklyDigests(),
  sweep: () => sweepDueWork(),
  themeRetag: (data) => runThemeRetag(tenantOf(data), data.themeId, data.version),
};
