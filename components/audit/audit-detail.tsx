import { useTranslations } from "next-intl";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const shown = (value: Json | undefined) => (value === null || value === undefined || value === "" ? "–" : typeof value === "string" ? value : JSON.stringify(value));
const isRecord = (value: unknown): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);

/** An audit entry's detail: a change as "field: before → after", anything else as "key: value". */
export function AuditDetail({ detail }: { detail: unknown }) {
  const t = useTranslations("auditPage");
  if (!isRecord(detail)) return <span className="muted">–</span>;
  const { before, after, ...rest } = detail;
  const changed = isRecord(after) ? Object.keys(after) : [];
  return (
    <ul className="audit-detail">
      {changed.map((field) => (
        <li key={field}>
          {field}: <del>{shown(isRecord(before) ? before[field] : null)}</del> → <ins>{shown(after && isRecord(after) ? after[field] : null)}</ins>
        </li>
      ))}
      {Object.entries(rest).map(([key, value]) => (
        <li key={key} className="muted">
          {key}: {shown(value)}
        </li>
      ))}
      {isRecord(after) && changed.length === 0 && <li className="muted">{t("nothingChanged")}</li>}
    </ul>
  );
}
