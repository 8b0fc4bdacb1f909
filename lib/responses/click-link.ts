import { preparedQuery } from "../db/client";
import type { Channel } from "../generated/prisma/enums";
import { isWellFormedSurveyToken } from "../sending/survey-token";
import type { LoopStore, LoopSurvey } from "../followups/open-loop";
import { NotFoundError } from "../tenancy/tenant";
import type { WebhookEndpointEvents } from "../webhooks/emit-event";

// A score click is the hottest path of the product (a campaign's emails are clicked within minutes), so what it
// needs of its link is read in one statement, not the seven the landing pages' getSurveyLink costs.

export type ClickLink = {
  id: string;
  token: string;
  organizationId: string;
  surveyId: string;
  contactId: string;
  storeId: string | null;
  channel: Channel;
  locale: string;
  organization: { name: string; brandColor: string };
  survey: LoopSurvey;
  store: LoopStore | null;
  /** The send is a re-survey: its answer is the holdout experiment's outcome. */
  isResurveyAnswer: boolean;
  /** The tenant's enabled webhook endpoints, for the events the click emits. */
  webhookEndpoints: WebhookEndpointEvents[];
  /** The email had a response when the link was read (the click changes it). */
  hasResponse: boolean;
};

type Row = Omit<ClickLink, "organization" | "survey" | "store"> & {
  organizationName: string;
  brandColor: string;
  surveyFollowUpSlaHours: number;
  passiveSlaHours: number;
  alertPassives: boolean;
  passiveFollowUps: boolean;
  resurveyAfterDays: number;
  holdoutPercent: number;
  storeFollowUpSlaHours: number | null;
  timeZone: string | null;
  opensAt: number | null;
  closesAt: number | null;
  openDays: string | null;
};

const CLICK_LINK_SQL = `
    SELECT s."id", s."token", s."organizationId", s."surveyId", s."contactId", s."storeId", s."channel"::text AS "channel", s."locale",
           o."name" AS "organizationName", o."brandColor",
           v."followUpSlaHours" AS "surveyFollowUpSlaHours", v."passiveSlaHours", v."alertPassives", v."passiveFollowUps",
           v."resurveyAfterDays", v."holdoutPercent",
           t."followUpSlaHours" AS "storeFollowUpSlaHours", t."timeZone", t."opensAt", t."closesAt", t."openDays",
           EXISTS (SELECT 1 FROM "Resurvey" r WHERE r."surveySendId" = s."id" AND r."organizationId" = s."organizationId") AS "isResurveyAnswer",
           EXISTS (SELECT 1 FROM "Response" p WHERE p."surveySendId" = s."id" AND p."organizationId" = s."organizationId") AS "hasResponse",
           (SELECT coalesce(json_agg(json_build_object('id', e."id", 'events', e."events")), '[]'::json) FROM "WebhookEndpoint" e
             WHERE e."organizationId" = s."organizationId" AND e."disabledAt" IS NULL) AS "webhookEndpoints"
      FROM "SurveySend" s
      JOIN "Organization" o ON o."id" = s."organizationId"
      JOIN "Survey" v ON v."id" = s."surveyId" AND v."organizationId" = s."organizationId"
      LEFT JOIN "Store" t ON t."id" = s."storeId" AND t."organizationId" = s."organizationId"
     WHERE s."token" = $1`;

/** The link a score click names; throws NotFoundError for unknown or malformed tokens. */
export async function getClickLink(token: string): Promise<ClickLink> {
  if (!isWellFormedSurveyToken(token)) throw new NotFoundError("Survey link");
  const [row] = await preparedQuery<Row>("click-link", CLICK_LINK_SQL, [token]);
  if (!row) throw new NotFoundError("Survey link");
  return {
    id: row.id,
    token: row.token,
    organizationId: row.organizationId,
    surveyId: row.surveyId,
    contactId: row.contactId,
    storeId: row.storeId,
    channel: row.channel,
    locale: row.locale,
    organization: { name: row.organizationName, brandColor: row.brandColor },
    survey: {
      followUpSlaHours: row.surveyFollowUpSlaHours,
      passiveSlaHours: row.passiveSlaHours,
      alertPassives: row.alertPassives,
      passiveFollowUps: row.passiveFollowUps,
      resurveyAfterDays: row.resurveyAfterDays,
      holdoutPercent: row.holdoutPercent,
    },
    store:
      row.storeId && row.timeZone !== null
        ? { followUpSlaHours: row.storeFollowUpSlaHours, timeZone: row.timeZone, opensAt: row.opensAt, closesAt: row.closesAt, openDays: row.openDays! }
        : null,
    isResurveyAnswer: row.isResurveyAnswer,
    webhookEndpoints: row.webhookEndpoints,
    hasResponse: row.hasResponse,
  };
}
