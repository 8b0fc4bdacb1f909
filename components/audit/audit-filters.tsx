import { useTranslations } from "next-intl";
import type { AuditQuery } from "@/lib/audit/audit-query";

export type AuditFilterOptions = { people: { id: string; label: string }[]; kinds: readonly string[] };

export const kindLabel = (kind: string) => kind.replaceAll("_", " ");

/** The audit log's filters as a plain GET form, so a filtered view is a URL; the CSV link carries the same filter. */
export function AuditFilters({ query, options, csvHref, error }: { query: AuditQuery; options: AuditFilterOptions; csvHref: string; error?: string }) {
  const t = useTranslations("auditPage");
  return (
    <form className="filters card" method="get" data-testid="audit-filters">
      <label>
        {t("person")}
        <select name="person" defaultValue={query.person ?? ""}>
          <option value="">{t("everyone")}</option>
          <option value="system">{t("systemAndKeys")}</option>
          {options.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("kind")}
        <select name="kind" defaultValue={query.kind ?? ""}>
          <option value="">{t("everyKind")}</option>
          {options.kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("from")}
        <input type="date" name="from" defaultValue={query.from ?? ""} />
      </label>
      <label>
        {t("to")}
        <input type="date" name="to" defaultValue={query.to ?? ""} />
      </label>
      <button type="submit">{t("filter")}</button>
      <a href={csvHref} download>
        {t("downloadCsv")}
      </a>
      {error && <p className="field-error filters-error">{error}</p>}
    </form>
  );
}
