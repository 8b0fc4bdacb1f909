import { ActionForm, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listRegions, listStores } from "@/lib/stores/stores";
import { createRegionAction, createStoreAction } from "./actions";

export default async function StoresPage() {
  const member = await requireMember(ACCESS["/stores"]);
  const [stores, regions] = await Promise.all([listStores(member), listRegions(member)]);
  return (
    <>
      <h1>Stores &amp; regions</h1>
      <div className="grid two">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Stores</h2>
          <table>
            <thead>
              <tr>
                <th>Code</th>
                <th>Name</th>
                <th>City</th>
                <th>Region</th>
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
            <h2 style={{ marginTop: 0 }}>New store</h2>
            <ActionForm action={createStoreAction} submitLabel="Create store">
              <Field name="name" label="Name" />
              <Field name="code" label="Code" hint="Short and unique, e.g. NW-013" />
              <Field name="city" label="City" />
              <SelectField
                name="regionId"
                label="Region"
                options={[{ value: "", label: "No region" }, ...regions.map((r) => ({ value: r.id, label: r.name }))]}
              />
            </ActionForm>
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Regions</h2>
            <p className="muted">{regions.map((region) => region.name).join(", ") || "None yet."}</p>
            <ActionForm action={createRegionAction} submitLabel="Create region">
              <Field name="name" label="Region name" />
            </ActionForm>
          </section>
        </div>
      </div>
    </>
  );
}
