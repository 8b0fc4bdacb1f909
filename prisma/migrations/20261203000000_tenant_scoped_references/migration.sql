-- Tenancy by construction: a row can only point at a row of its own tenant. Every reference between tenant-owned
-- tables is a composite foreign key (organizationId, <id>) -> (organizationId, id), so an id of another tenant is
-- refused by the database itself, whatever query wrote it. schema.prisma declares the (organizationId, id) keys;
-- its relations keep naming the id alone, and tests/integration/db/schema-diff.ts derives these keys from them.

-- CreateIndex: the (organizationId, id) key each composite foreign key references.
CREATE UNIQUE INDEX "Membership_organizationId_id_key" ON "Membership"("organizationId", "id");
CREATE UNIQUE INDEX "Region_organizationId_id_key" ON "Region"("organizationId", "id");
CREATE UNIQUE INDEX "Store_organizationId_id_key" ON "Store"("organizationId", "id");
CREATE UNIQUE INDEX "Contact_organizationId_id_key" ON "Contact"("organizationId", "id");
CREATE UNIQUE INDEX "Survey_organizationId_id_key" ON "Survey"("organizationId", "id");
CREATE UNIQUE INDEX "Campaign_organizationId_id_key" ON "Campaign"("organizationId", "id");
CREATE UNIQUE INDEX "SurveySend_organizationId_id_key" ON "SurveySend"("organizationId", "id");
CREATE UNIQUE INDEX "Response_organizationId_id_key" ON "Response"("organizationId", "id");
CREATE UNIQUE INDEX "FollowUp_organizationId_id_key" ON "FollowUp"("organizationId", "id");
CREATE UNIQUE INDEX "RootCause_organizationId_id_key" ON "RootCause"("organizationId", "id");
CREATE UNIQUE INDEX "Theme_organizationId_id_key" ON "Theme"("organizationId", "id");
CREATE UNIQUE INDEX "WebhookEndpoint_organizationId_id_key" ON "WebhookEndpoint"("organizationId", "id");

-- A SET NULL key clears only its own column: organizationId is shared with the row's other keys and NOT NULL.
-- Campaign.surveyId had no foreign key at all; it gets one like every other reference to a survey.
ALTER TABLE "MembershipStore" DROP CONSTRAINT "MembershipStore_membershipId_fkey",
  ADD CONSTRAINT "MembershipStore_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MembershipStore" DROP CONSTRAINT "MembershipStore_storeId_fkey",
  ADD CONSTRAINT "MembershipStore_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId") REFERENCES "Store"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Region" DROP CONSTRAINT "Region_managerId_fkey",
  ADD CONSTRAINT "Region_organizationId_managerId_fkey" FOREIGN KEY ("organizationId", "managerId") REFERENCES "Membership"("organizationId", "id")
    ON DELETE SET NULL ("managerId") ON UPDATE CASCADE;
ALTER TABLE "Store" DROP CONSTRAINT "Store_regionId_fkey",
  ADD CONSTRAINT "Store_organizationId_regionId_fkey" FOREIGN KEY ("organizationId", "regionId") REFERENCES "Region"("organizationId", "id")
    ON DELETE SET NULL ("regionId") ON UPDATE CASCADE;
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_storeId_fkey",
  ADD CONSTRAINT "Contact_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId") REFERENCES "Store"("organizationId", "id")
    ON DELETE SET NULL ("storeId") ON UPDATE CASCADE;
ALTER TABLE "SurveyText" DROP CONSTRAINT "SurveyText_surveyId_fkey",
  ADD CONSTRAINT "SurveyText_organizationId_surveyId_fkey" FOREIGN KEY ("organizationId", "surveyId") REFERENCES "Survey"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveySend" DROP CONSTRAINT "SurveySend_surveyId_fkey",
  ADD CONSTRAINT "SurveySend_organizationId_surveyId_fkey" FOREIGN KEY ("organizationId", "surveyId") REFERENCES "Survey"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveySend" DROP CONSTRAINT "SurveySend_contactId_fkey",
  ADD CONSTRAINT "SurveySend_organizationId_contactId_fkey" FOREIGN KEY ("organizationId", "contactId") REFERENCES "Contact"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SurveySend" DROP CONSTRAINT "SurveySend_storeId_fkey",
  ADD CONSTRAINT "SurveySend_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId") REFERENCES "Store"("organizationId", "id")
    ON DELETE SET NULL ("storeId") ON UPDATE CASCADE;
ALTER TABLE "SurveySend" DROP CONSTRAINT "SurveySend_campaignId_fkey",
  ADD CONSTRAINT "SurveySend_organizationId_campaignId_fkey" FOREIGN KEY ("organizationId", "campaignId") REFERENCES "Campaign"("organizationId", "id")
    ON DELETE SET NULL ("campaignId") ON UPDATE CASCADE;
ALTER TABLE "Response" DROP CONSTRAINT "Response_surveySendId_fkey",
  ADD CONSTRAINT "Response_organizationId_surveySendId_fkey" FOREIGN KEY ("organizationId", "surveySendId") REFERENCES "SurveySend"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Response" DROP CONSTRAINT "Response_surveyId_fkey",
  ADD CONSTRAINT "Response_organizationId_surveyId_fkey" FOREIGN KEY ("organizationId", "surveyId") REFERENCES "Survey"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Response" DROP CONSTRAINT "Response_contactId_fkey",
  ADD CONSTRAINT "Response_organizationId_contactId_fkey" FOREIGN KEY ("organizationId", "contactId") REFERENCES "Contact"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Response" DROP CONSTRAINT "Response_storeId_fkey",
  ADD CONSTRAINT "Response_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId") REFERENCES "Store"("organizationId", "id")
    ON DELETE SET NULL ("storeId") ON UPDATE CASCADE;
ALTER TABLE "FollowUp" DROP CONSTRAINT "FollowUp_responseId_fkey",
  ADD CONSTRAINT "FollowUp_organizationId_responseId_fkey" FOREIGN KEY ("organizationId", "responseId") REFERENCES "Response"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUp" DROP CONSTRAINT "FollowUp_storeId_fkey",
  ADD CONSTRAINT "FollowUp_organizationId_storeId_fkey" FOREIGN KEY ("organizationId", "storeId") REFERENCES "Store"("organizationId", "id")
    ON DELETE SET NULL ("storeId") ON UPDATE CASCADE;
ALTER TABLE "FollowUp" DROP CONSTRAINT "FollowUp_assigneeId_fkey",
  ADD CONSTRAINT "FollowUp_organizationId_assigneeId_fkey" FOREIGN KEY ("organizationId", "assigneeId") REFERENCES "Membership"("organizationId", "id")
    ON DELETE SET NULL ("assigneeId") ON UPDATE CASCADE;
ALTER TABLE "FollowUp" DROP CONSTRAINT "FollowUp_rootCauseId_fkey",
  ADD CONSTRAINT "FollowUp_organizationId_rootCauseId_fkey" FOREIGN KEY ("organizationId", "rootCauseId") REFERENCES "RootCause"("organizationId", "id")
    ON DELETE SET NULL ("rootCauseId") ON UPDATE CASCADE;
ALTER TABLE "FollowUpNote" DROP CONSTRAINT "FollowUpNote_followUpId_fkey",
  ADD CONSTRAINT "FollowUpNote_organizationId_followUpId_fkey" FOREIGN KEY ("organizationId", "followUpId") REFERENCES "FollowUp"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResponseTheme" DROP CONSTRAINT "ResponseTheme_responseId_fkey",
  ADD CONSTRAINT "ResponseTheme_organizationId_responseId_fkey" FOREIGN KEY ("organizationId", "responseId") REFERENCES "Response"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResponseTheme" DROP CONSTRAINT "ResponseTheme_themeId_fkey",
  ADD CONSTRAINT "ResponseTheme_organizationId_themeId_fkey" FOREIGN KEY ("organizationId", "themeId") REFERENCES "Theme"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ThemeRetag" DROP CONSTRAINT "ThemeRetag_themeId_fkey",
  ADD CONSTRAINT "ThemeRetag_organizationId_themeId_fkey" FOREIGN KEY ("organizationId", "themeId") REFERENCES "Theme"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUpEvent" DROP CONSTRAINT "FollowUpEvent_followUpId_fkey",
  ADD CONSTRAINT "FollowUpEvent_organizationId_followUpId_fkey" FOREIGN KEY ("organizationId", "followUpId") REFERENCES "FollowUp"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HoldoutAssignment" DROP CONSTRAINT "HoldoutAssignment_responseId_fkey",
  ADD CONSTRAINT "HoldoutAssignment_organizationId_responseId_fkey" FOREIGN KEY ("organizationId", "responseId") REFERENCES "Response"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Resurvey" DROP CONSTRAINT "Resurvey_responseId_fkey",
  ADD CONSTRAINT "Resurvey_organizationId_responseId_fkey" FOREIGN KEY ("organizationId", "responseId") REFERENCES "Response"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Resurvey" DROP CONSTRAINT "Resurvey_surveySendId_fkey",
  ADD CONSTRAINT "Resurvey_organizationId_surveySendId_fkey" FOREIGN KEY ("organizationId", "surveySendId") REFERENCES "SurveySend"("organizationId", "id")
    ON DELETE SET NULL ("surveySendId") ON UPDATE CASCADE;
ALTER TABLE "PromoterInvite" DROP CONSTRAINT "PromoterInvite_responseId_fkey",
  ADD CONSTRAINT "PromoterInvite_organizationId_responseId_fkey" FOREIGN KEY ("organizationId", "responseId") REFERENCES "Response"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScoreClick" DROP CONSTRAINT "ScoreClick_surveySendId_fkey",
  ADD CONSTRAINT "ScoreClick_organizationId_surveySendId_fkey" FOREIGN KEY ("organizationId", "surveySendId") REFERENCES "SurveySend"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookDelivery" DROP CONSTRAINT "WebhookDelivery_endpointId_fkey",
  ADD CONSTRAINT "WebhookDelivery_organizationId_endpointId_fkey" FOREIGN KEY ("organizationId", "endpointId") REFERENCES "WebhookEndpoint"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Campaign"
  ADD CONSTRAINT "Campaign_organizationId_surveyId_fkey" FOREIGN KEY ("organizationId", "surveyId") REFERENCES "Survey"("organizationId", "id")
    ON DELETE CASCADE ON UPDATE CASCADE;
