import { renderInvitationEmail } from "@/emails/invitation-email";
import { db } from "../db/client";
import { env } from "../env";
import { resolveStaffLocale } from "../i18n/locales";
import { sendMail } from "../mail/send-mail";
import { NotFoundError, type Tenant } from "../tenancy/tenant";

/**
 * Tells a newly invited member that they can sign in, in their language: their own choice if they already use
 * NPS Loop elsewhere, else the tenant's default for staff (their browser is unknown until they come).
 */
export async function sendInvitation(tenant: Tenant, membershipId: string) {
  const membership = await db.membership.findFirst({
    where: { id: membershipId, organizationId: tenant.organizationId },
    select: { role: true, user: { select: { email: true, locale: true } }, organization: { select: { name: true, staffLocale: true } } },
  });
  if (!membership) throw new NotFoundError("Membership");
  const { user, organization } = membership;
  const locale = resolveStaffLocale({ userLocale: user.locale, acceptLanguage: null, tenantDefault: organization.staffLocale });
  const mail = await renderInvitationEmail({ locale, tenant: organization.name, email: user.email, role: membership.role, signInUrl: `${env().APP_URL}/signin` });
  await sendMail({ ...mail, to: user.email, organizationId: tenant.organizationId, kind: "invitation" });
}
