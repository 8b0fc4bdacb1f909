import { getTranslations } from "next-intl/server";
import { ActionForm, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listRegions, listStores } from "@/lib/stores/stores";
import { createRegionAction, createStoreAction } from "./actions";

export default async function StoresPage() {
  const member = await requireMember(ACCESS["/stores"]);
  const [stores, regions, t] = await Promise.all([listStores(member), listRegions(member), getTranslations("storesPage")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("stores")}</h2>
          <table>
            <thead>
              <tr>
                <th>{t("code")}</th>
                <th>{t("name")}</th>
                <th>{t("city")}</th>
                <th>{t("region")}</th>
              </tr>
            </thead>
            <tbody>
              {stores.map((store) => (
                <tr key={store.id}>
                  <td>{store.code}</td>
                  <td>{store.name}</td>
                  <td>{store.city ?? "–"}</td>
                  <td>{store.region?.name ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t("newStore")}</h2>
            <ActionForm action={createStoreAction} submitLabel={t("createStore")}>
              <Field name="name" label={t("name")} />
              <Field name="code" label={t("code")} hint={t("codeHint")} />
              <Field name="city" label={t("city")} />
              <SelectField
                name="regionId"
                label={t("region")}
                options={[{ value: "", label: t("noRegion") }, ...regions.map((r) => ({ value: r.id, label: r.name }))]}
              />
            </ActionForm>
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t("regions")}</h2>
            <p className="muted">{regions.map((region) => region.name).join(", ") || t("noneYet")}</p>
            <ActionForm action={createRegionAction} submitLabel={t("createRegion")}>
              <Field name="name" label={t("regionName")} />
            </ActionForm>
          </section>
        </div>
      </div>
    </>
  );
}
