import { getTranslations } from "next-intl/server";
import { ActionForm, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { getSignedInUser, requireMember } from "@/lib/auth/session";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { hasRole } from "@/lib/members/members";
import { staffLocaleOfTenant } from "@/lib/members/staff-locale";
import { tenantOf } from "@/lib/tenancy/tenant";
import { saveOwnLocaleAction, saveStaffLocaleAction } from "./actions";

const languages = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));

/** Everyone's own language; for admins also the tenant's default for staff. */
export default async function ProfilePage() {
  const member = await requireMember(ACCESS["/settings/profile"]);
  const [user, tenantDefault, t] = await Promise.all([getSignedInUser(), staffLocaleOfTenant(tenantOf(member)), getTranslations("profile")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card">
        <p className="muted">{t("intro")}</p>
        <ActionForm action={saveOwnLocaleAction} submitLabel={t("save")}>
          <SelectField
            name="locale"
            label={t("language")}
            options={[{ value: "", label: t("followBrowser") }, ...languages]}
            defaultValue={user?.locale ?? ""}
          />
        </ActionForm>
      </section>
      {hasRole(member, "admin") && (
        <section className="card">
          <h2 className="card-title">{t("tenantTitle")}</h2>
          <p className="muted">{t("tenantIntro")}</p>
          <ActionForm action={saveStaffLocaleAction} submitLabel={t("tenantSave")}>
            <SelectField name="locale" id="staffLocale" label={t("tenantLanguage")} options={languages} defaultValue={tenantDefault} />
          </ActionForm>
        </section>
      )}
    </>
  );
}
