import { db } from "../db";
import type { Tenant } from "../tenancy/tenant";
import type { ContactInput } from "./schemas";

/** One contact per email and tenant; a later send updates the name, phone and language we were given. */
export async function upsertContact(tenant: Tenant, input: ContactInput & { storeId: string | null }) {
  const fields = {
    name: input.name ?? undefined,
    phone: input.phone ?? undefined,
    locale: input.locale,
    storeId: input.storeId ?? undefined,
  };
  return db.contact.upsert({
    where: { organizationId_email: { organizationId: tenant.organizationId, email: input.email } },
    create: { organizationId: tenant.organizationId, email: input.email, ...fields },
    update: fields,
  });
}
