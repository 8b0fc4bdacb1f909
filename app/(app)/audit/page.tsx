import { getTranslations } from "next-intl/server";
import { AuditDetail } from "@/components/audit/audit-detail";
import { AuditFilters, kindLabel } from "@/components/audit/audit-filters";
import { TableCard } from "@/components/layout/table-card";
import { AUDIT_ACTIONS, listAuditEvents } from "@/lib/audit/audit-events";
import { auditFilterOf, auditQuerySchema, type AuditQuery } from "@/lib/audit/audit-query";
import { ACCESS } from "@/lib/auth/access";
import { requireMember } from "@/lib/auth/session";
import { listMembers } from "@/lib/members/members";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const queryString = (query: AuditQuery, extra: Record<string, string> = {}) =>
  new URLSearchParams(Object.entries({ ...query, before: undefined, ...extra }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();

/** For admins: every change to the tenant's configuration and every sign-in, export and erasure, newest first. */
export default async function AuditLogPage({ searchParams }: Props) {
  const member = await requireMember(ACCESS["/audit"]);
  const parsed = auditQuerySchema.safeParse(await searchParams);
  const query: AuditQuery = parsed.success ? parsed.data : {};
  const [audit, members] = await Promise.all([
    listAuditEvents(member, { ...auditFilterOf(query), cursor: query.before }),
    listMembers(member),
  ]);
  const t = await getTranslations("auditPage");
  const people = members.map((m) => ({ id: m.userId, label: m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email }));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t("intro")}
      </p>
      <AuditFilters
        query={query}
        options={{ people, kinds: AUDIT_ACTIONS }}
        csvHref={`/audit/events.csv?${queryString(query)}`}
        error={parsed.success ? undefined : t("badFilter", { error: parsed.error.issues[0]!.message })}
      />
      <TableCard testId="audit-log" columns={[t("when"), t("who"), t("what"), t("subject"), t("detail")]} empty={t("empty")} isEmpty={audit.events.length === 0}>
        {audit.events.map((event) => (
          <tr key={event.id}>
            <td>{event.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
            <td>{event.actorEmail ?? t("system")}</td>
            <td>{kindLabel(event.action)}</td>
            <td className="muted">{event.subject ?? "–"}</td>
            <td>
              <AuditDetail detail={event.detail} />
            </td>
          </tr>
        ))}
      </TableCard>
      {audit.nextCursor && <a href={`/audit?${queryString(query, { before: audit.nextCursor })}`}>{t("older")}</a>}
    </>
  );
}
