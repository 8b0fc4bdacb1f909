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
  const people = members.map((m) => ({ id: m.userId, label: m.user.name ? `${m.user.name} (${m.user.email})` : m.user.email }));
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Who changed what and when: settings, texts, themes, keys, webhooks, roles, imports, campaigns, and every sign-in,
        export and erasure. Changes show the value before and after.
      </p>
      <AuditFilters
        query={query}
        options={{ people, kinds: AUDIT_ACTIONS }}
        csvHref={`/audit/events.csv?${queryString(query)}`}
        error={parsed.success ? undefined : `${parsed.error.issues[0]!.message}: showing everything.`}
      />
      <TableCard testId="audit-log" columns={["When (UTC)", "Who", "What", "Subject", "Detail"]} empty="Nothing recorded for this filter." isEmpty={audit.events.length === 0}>
        {audit.events.map((event) => (
          <tr key={event.id}>
            <td>{event.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
            <td>{event.actorEmail ?? "System"}</td>
            <td>{kindLabel(event.action)}</td>
            <td className="muted">{event.subject ?? "–"}</td>
            <td>
              <AuditDetail detail={event.detail} />
            </td>
          </tr>
        ))}
      </TableCard>
      {audit.nextCursor && <a href={`/audit?${queryString(query, { before: audit.nextCursor })}`}>Older entries →</a>}
    </>
  );
}
