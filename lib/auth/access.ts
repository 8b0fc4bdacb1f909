import type { Role } from "../generated/prisma/enums";

/**
 * The least role of every signed-in page, route handler (by path under app/(app), [segments] as in their folders)
 * and form action (by its exported name), in one place: the guards read it (requireMember(ACCESS["/stores"]),
 * memberRoute(ACCESS[…]), runMemberAction({ action: "…" })) and so do the tests that try each role on each of them
 * (tests/e2e/role-matrix.spec.ts, tests/integration/security/access.test.ts), which fail for one not listed here.
 */
export const ACCESS = {
  // Pages: a store manager's are those their navigation offers.
  "/dashboard": "store_manager",
  "/comments": "store_manager",
  "/themes": "store_manager",
  "/queue": "store_manager",
  "/queue/[id]": "store_manager",
  "/digest": "store_manager",
  "/digest/[storeId]": "store_manager",
  "/experiments": "cx_manager",
  "/loop": "cx_manager",
  "/send": "cx_manager",
  "/campaigns": "cx_manager",
  "/contacts": "cx_manager",
  "/contacts/[id]": "cx_manager",
  "/imports": "cx_manager",
  "/settings/sending": "cx_manager",
  "/stores": "cx_manager",
  "/survey": "cx_manager",
  "/users": "cx_manager",
  "/jobs": "admin",
  "/integrations": "admin",
  "/integrations/webhooks": "admin",
  "/integrations/webhooks/[id]": "admin",
  "/privacy": "admin",
  "/settings/profile": "store_manager",
  "/settings/sso": "admin",
  // Everyone sees their own sessions; an admin sees every member's.
  "/settings/sessions": "store_manager",
  "/audit": "admin",

  // Route handlers.
  "/exports/responses.csv": "store_manager",
  "/exports/follow-ups.csv": "store_manager",
  // Data requests are the admins' (GDPR): the export and erasure are offered to them only.
  "/contacts/[id]/export": "admin",
  "/imports/upload": "cx_manager",
  "/audit/events.csv": "admin",

  // Actions.
  markContactedAction: "store_manager",
  callAttemptAction: "store_manager",
  assignAction: "store_manager",
  rootCauseAction: "store_manager",
  addNoteAction: "store_manager",
  closeFollowUpAction: "store_manager",
  updateThemeAction: "cx_manager",
  createThemeAction: "cx_manager",
  saveSurveyLoopAction: "cx_manager",
  saveStoreLoopAction: "cx_manager",
  setRegionManagerAction: "cx_manager",
  setCustomerServiceTeamAction: "cx_manager",
  addRootCauseAction: "cx_manager",
  archiveRootCauseAction: "cx_manager",
  sendSurveyAction: "cx_manager",
  startCampaignAction: "cx_manager",
  saveSendingPolicyAction: "cx_manager",
  createStoreAction: "cx_manager",
  createRegionAction: "cx_manager",
  saveSurveySettingsAction: "cx_manager",
  saveSurveyTextAction: "cx_manager",
  saveBrandingAction: "cx_manager",
  addSurveyAction: "cx_manager",
  // A CX manager may invite (an admin only by an admin: the action checks); changing and removing is for admins.
  inviteMemberAction: "cx_manager",
  updateMemberAction: "admin",
  removeMemberAction: "admin",
  eraseContactAction: "admin",
  retryJobAction: "admin",
  createApiKeyAction: "admin",
  revokeApiKeyAction: "admin",
  createWebhookAction: "admin",
  enableWebhookAction: "admin",
  deleteWebhookAction: "admin",
  saveRetentionAction: "admin",
  applyRetentionAction: "admin",
  saveOwnLocaleAction: "store_manager",
  saveStaffLocaleAction: "admin",
  saveSsoConnectionAction: "admin",
  addGroupMappingAction: "admin",
  removeGroupMappingAction: "admin",
  createScimTokenAction: "admin",
  revokeScimTokenAction: "admin",
  // A member ends their own sessions; lib/identity/sessions.ts lets only an admin end other people's.
  endSessionAction: "store_manager",
  sendDigestNowAction: "cx_manager",
} as const satisfies Record<string, Role>;

export type Access = keyof typeof ACCESS;

/** A form action's name in ACCESS (a path begins with "/"). */
export type ActionName = Exclude<Access, `/${string}`>;
