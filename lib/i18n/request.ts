import { getRequestConfig } from "next-intl/server";
import { CATALOG, TIME_ZONE } from "./catalog";
import { getRequestLocale } from "./request-locale";

// next-intl's per-request configuration (wired in next.config.ts). No locale in the URL: the language is the
// person's, not the page's, so links and bookmarks stay the same for everyone.
export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: CATALOG[locale], timeZone: TIME_ZONE };
});
