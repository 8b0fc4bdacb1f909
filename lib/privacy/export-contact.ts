import { db } from "../db/client";
import { recordAuditEvent } from "../audit/audit-events";
import { NotFoundError, type Tenant } from "../tenancy/tenant";

/**
 * Everything held on one person (GDPR art. 15 and 20), as JSON: the contact, every survey email, response,
 * comment and follow-up with its notes. The export itself is recorded in the audit log.
 */
export async function exportContactData(tenant: Tenant, contactId: string) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, organizationId: tenant.organizationId },
    include: {
      surveySends: {
        orderBy: { sentAt: "asc" },
        include: { response: { include: { followUp: { include: { notes: { orderBy: { createdAt: "asc" } } } } } } },
      },
    },
  });
  if (!contact) throw new NotFoundError("Contact");
  await recordAuditEvent(tenant, { action: "contact_exported", subject: contact.id });
  return { exportedAt: new Date().toISOString(), contact };
}
