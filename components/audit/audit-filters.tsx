import type { AuditQuery } from "@/lib/audit/audit-query";

export type AuditFilterOptions = { people: { id: string; label: string }[]; kinds: readonly string[] };

export const kindLabel = (kind: string) => kind.replaceAll("_", " ");

/** The audit log's filters as a plain GET form, so a filtered view is a URL; the CSV link carries the same filter. */
export function AuditFilters({ query, options, csvHref, error }: { query: AuditQuery; options: AuditFilterOptions; csvHref: string; error?: string }) {
  return (
    <form className="filters card" method="get" data-testid="audit-filters">
      <label>
        Person
        <select name="person" defaultValue={query.person ?? ""}>
          <option value="">Everyone</option>
          <option value="system">System and API keys</option>
          {options.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Kind
        <select name="kind" defaultValue={query.kind ?? ""}>
          <option value="">Every kind</option>
          {options.kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" name="from" defaultValue={query.from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={query.to ?? ""} />
      </label>
      <button type="submit">Filter</button>
      <a href={csvHref} download>
        Download CSV
      </a>
      {error && <p className="field-error filters-error">{error}</p>}
    </form>
  );
}
