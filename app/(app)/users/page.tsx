import { ActionForm, CheckboxList, Field, SelectField } from "@/components/form/action-form";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { hasRole, listMembers } from "@/lib/members/members";
import { ROLES, ROLE_LABELS } from "@/lib/members/schemas";
import { listStores } from "@/lib/stores/stores";
import { inviteMemberAction, removeMemberAction, updateMemberAction } from "./actions";

export default async function UsersPage() {
  const member = await requireMember(ACCESS["/users"]);
  const isAdmin = hasRole(member, "admin");
  const [members, stores] = await Promise.all([listMembers(member), listStores(member)]);
  const storeOptions = stores.map((store) => ({ value: store.id, label: store.name }));
  const roleOptions = ROLES.filter((role) => isAdmin || role !== "admin").map((role) => ({
    value: role,
    label: ROLE_LABELS[role],
  }));
  return (
    <>
      <h1>Users</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Invite someone</h2>
        <p className="muted">They sign in with a link sent to their email. Store managers see only their stores.</p>
        <ActionForm action={inviteMemberAction} submitLabel="Invite">
          <Field name="email" label="Email" type="email" />
          <Field name="name" label="Name" />
          <SelectField name="role" label="Role" options={roleOptions} defaultValue="store_manager" />
          <CheckboxList name="storeIds" label="Stores (for store managers)" options={storeOptions} />
        </ActionForm>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Members</h2>
        <table>
          <thead>
            <tr>
              <th>Person</th>
              <th>Role</th>
              <th>Stores</th>
              {isAdmin && <th>Change</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.user.name ?? "–"}
                  <div className="muted">{m.user.email}</div>
                </td>
                <td>{ROLE_LABELS[m.role]}</td>
                <td>{m.role === "store_manager" ? m.stores.map((s) => s.store.name).join(", ") : "All"}</td>
                {isAdmin && (
                  <td>
                    <details>
                      <summary>Edit</summary>
                      <ActionForm action={updateMemberAction.bind(null, m.id)} submitLabel="Save">
                        <SelectField name="role" label="Role" options={roleOptions} defaultValue={m.role} />
                        <CheckboxList
                          name="storeIds"
                          label="Stores"
                          options={storeOptions}
                          defaultValues={m.stores.map((s) => s.store.id)}
                        />
                      </ActionForm>
                      <ActionForm action={removeMemberAction.bind(null, m.id)} submitLabel="Remove" danger />
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
