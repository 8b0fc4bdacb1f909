import { db } from "@/lib/db/client";

/** Every row a tenant owns, in a stable order: equal snapshots before and after a call mean nothing changed. */
export async function tenantRows(organizationId: string) {
  const where = { organizationId };
  const orderBy = { id: "asc" } as const;
  const [organization, memberships, regions, stores, contacts, surveys, surveyTexts] = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId } }),
    db.membership.findMany({ where, orderBy, include: { stores: { orderBy: { storeId: "asc" } } } }),
    db.region.findMany({ where, orderBy }),
    db.store.findMany({ where, orderBy }),
    db.contact.findMany({ where, orderBy }),
    db.survey.findMany({ where, orderBy }),
    db.surveyText.findMany({ where, orderBy }),
  ]);
  const [surveySends, responses, followUps, notes, outbox] = await Promise.all([
    db.surveySend.findMany({ where, orderBy }),
    db.response.findMany({ where, orderBy }),
    db.followUp.findMany({ where, orderBy }),
    db.followUpNote.findMany({ where, orderBy }),
    db.outboxMessage.findMany({ where, orderBy }),
  ]);
  return {
    organization,
    memberships,
    regions,
    stores,
    contacts,
    surveys,
    surveyTexts,
    surveySends,
    responses,
    followUps,
    notes,
    outbox,
  };
}
