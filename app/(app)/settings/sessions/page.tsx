import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/identity/sessions";
import { hasRole } from "@/lib/members/members";
import { endSessionAction } from "./actions";

const when = (date: Date | null) => (date ? date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "—");
const METHODS: Record<string, string> = { magic_link: "Email link", oidc: "Single sign-on", demo: "Demo" };

/** Signed-in sessions: an admin sees every member's and can end any; everyone else sees and ends their own. */
export default async function SessionsPage() {
  const member = await requireMember(ACCESS["/settings/sessions"]);
  const sessions = await listActiveSessions(member);
  const ofTenant = hasRole(member, "admin");
  return (
    <>
      <h1>Sessions</h1>
      <p className="muted">
        {ofTenant
          ? "Everyone signed in to this company. Ending a session signs that browser out at its next click."
          : "Where you are signed in. Ending a session signs that browser out at its next click."}
      </p>
      <TableCard testId="sessions" columns={[...(ofTenant ? ["Person"] : []), "Device", "Signed in with", "Since", "Last seen", ""]} empty="No active sessions." isEmpty={sessions.length === 0}>
        {sessions.map((session) => (
          <tr key={session.id}>
            {ofTenant && <td>{session.email}</td>}
            <td>{session.device}</td>
            <td>{METHODS[session.method ?? ""] ?? "Email link"}</td>
            <td>{when(session.createdAt)}</td>
            <td>{when(session.lastSeenAt)}</td>
            <td>
              <ActionForm action={endSessionAction.bind(null, session.id)} submitLabel="End session" danger />
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
