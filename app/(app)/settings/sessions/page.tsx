import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/form/action-form";
import { TableCard } from "@/components/layout/table-card";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/identity/sessions";
import { hasRole } from "@/lib/members/members";
import { endSessionAction } from "./actions";

const METHODS = { magic_link: "magicLink", oidc: "oidc", saml: "saml", demo: "demo" } as const;

/** Signed-in sessions: an admin sees every member's and can end any; everyone else sees and ends their own. */
export default async function SessionsPage() {
  const member = await requireMember(ACCESS["/settings/sessions"]);
  const [sessions, t, format] = await Promise.all([listActiveSessions(member), getTranslations("sessionsPage"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const ofTenant = hasRole(member, "admin");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {ofTenant ? t("introTenant") : t("introOwn")}
      </p>
      <TableCard testId="sessions" columns={[...(ofTenant ? [t("person")] : []), t("device"), t("method"), t("since"), t("lastSeen"), ""]} empty={t("empty")} isEmpty={sessions.length === 0}>
        {sessions.map((session) => (
          <tr key={session.id}>
            {ofTenant && <td>{session.email}</td>}
            <td>{session.device}</td>
            <td>{t(METHODS[(session.method ?? "") as keyof typeof METHODS] ?? "magicLink")}</td>
            <td>{when(session.createdAt)}</td>
            <td>{when(session.lastSeenAt)}</td>
            <td>
              <ActionForm action={endSessionAction.bind(null, session.id)} submitLabel={t("end")} danger />
            </td>
          </tr>
        ))}
      </TableCard>
    </>
  );
}
