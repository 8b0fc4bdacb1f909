import { getTranslations } from "next-intl/server";
import { ActionForm, CheckboxList, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { hasRole, listMembers } from "@/lib/members/members";
import { ROLES } from "@/lib/members/schemas";
import { listStores } from "@/lib/stores/stores";
import { inviteMemberAction, removeMemberAction, updateMemberAction } from "./actions";

export default async function UsersPage() {
  const member = await requireMember(ACCESS["/users"]);
  const isAdmin = hasRole(member, "admin");
  const [members, stores, t, roles] = await Promise.all([listMembers(member), listStores(member), getTranslations("usersPage"), getTranslations("roles")]);
  const storeOptions = stores.map((store) => ({ value: store.id, label: store.name }));
  const roleOptions = ROLES.filter((role) => isAdmin || role !== "admin").map((role) => ({
    value: role,
    label: roles(role),
  }));
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("invite")}</h2>
        <p className="muted">{t("inviteIntro")}</p>
        <ActionForm action={inviteMemberAction} submitLabel={t("inviteSubmit")}>
          <Field name="email" label={t("email")} type="email" />
          <Field name="name" label={t("name")} />
          <SelectField name="role" label={t("role")} options={roleOptions} defaultValue="store_manager" />
          <CheckboxList name="storeIds" label={t("storesForManagers")} options={storeOptions} />
        </ActionForm>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("members")}</h2>
        <table>
          <thead>
            <tr>
              <th>{t("person")}</th>
              <th>{t("role")}</th>
              <th>{t("stores")}</th>
              {isAdmin && <th>{t("change")}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.user.name ?? "–"}
                  <div className="muted">{m.user.email}</div>
                </td>
                <td>{roles(m.role)}</td>
                <td>{m.role === "store_manager" ? m.stores.map((s) => s.store.name).join(", ") : t("all")}</td>
                {isAdmin && (
                  <td>
                    <details>
                      <summary>{t("edit")}</summary>
                      <ActionForm action={updateMemberAction.bind(null, m.id)} submitLabel={t("save")}>
                        <SelectField name="role" label={t("role")} options={roleOptions} defaultValue={m.role} />
                        <CheckboxList
                          name="storeIds"
                          label={t("stores")}
                          options={storeOptions}
                          defaultValues={m.stores.map((s) => s.store.id)}
                        />
                      </ActionForm>
                      <ActionForm action={removeMemberAction.bind(null, m.id)} submitLabel={t("remove")} danger />
                    </details>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
