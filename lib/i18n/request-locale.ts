import { headers } from "next/headers";
import { cache } from "react";
import { getSignedInUser } from "../auth/session";
import { findMemberForUser } from "../members/members";
import { staffLocaleOfTenant } from "../members/staff-locale";
import { tenantOf } from "../tenancy/tenant";
import { isLocale, negotiateLocale, type Locale } from "./locales";

/**
 * The language of this request's pages, by the rule of resolveStaffLocale: the signed-in person's choice, else
 * their browser's, else their tenant's default for staff (read only when needed). Signed out: the browser's, else English.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const [user, requestHeaders] = await Promise.all([getSignedInUser(), headers()]);
  if (isLocale(user?.locale)) return user.locale;
  const fromBrowser = negotiateLocale(requestHeaders.get("accept-language"));
  if (fromBrowser) return fromBrowser;
  const member = user ? await findMemberForUser(user.id) : null;
  return member ? staffLocaleOfTenant(tenantOf(member)) : "en";
});
