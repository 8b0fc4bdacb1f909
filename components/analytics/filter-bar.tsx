import { useTranslations } from "next-intl";
import { PERIODS, type AnalyticsQuery } from "@/lib/analytics/schemas";
import type { DateRange } from "@/lib/analytics/date-range";

export type FilterOptions = {
  stores: { id: string; name: string }[];
  regions: { id: string; name: string }[];
  surveys: { id: string; name: string }[];
  segments: string[];
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The view's filters as a plain GET form: applying it puts every filter in the URL, so the view can be bookmarked
 * and shared, and it works without JavaScript. `keep` carries a page's own parameters (search, theme) along.
 */
export function FilterBar({ query, range, options, error, keep = {}, showTrend = true }: {
  query: AnalyticsQuery;
  range: DateRange;
  options: FilterOptions;
  error?: string;
  keep?: Record<string, string | undefined>;
  showTrend?: boolean;
}) {
  const t = useTranslations("filters");
  const periods = useTranslations("periods");
  const custom = Boolean(query.from || query.to);
  const select = (name: string, label: string, value: string | undefined, choices: { value: string; label: string }[], all: string) => (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="filters card" method="get" data-testid="filters">
      {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      {select("period", t("period"), custom ? "" : (query.period ?? "90d"), PERIODS.map((p) => ({ value: p, label: periods(p) })), t("customDates"))}
      <label>
        {t("from")}
        <input type="date" name="from" defaultValue={custom ? day(range.from) : ""} />
      </label>
      <label>
        {t("to")}
        <input type="date" name="to" defaultValue={custom ? day(new Date(range.to.getTime() - 86_400_000)) : ""} />
      </label>
      {options.regions.length > 0 && select("region", t("region"), query.region, options.regions.map((r) => ({ value: r.id, label: r.name })), t("allRegions"))}
      {select("store", t("store"), query.store, options.stores.map((s) => ({ value: s.id, label: s.name })), t("allStores"))}
      {select("channel", t("channel"), query.channel, [{ value: "store", label: t("inStore") }, { value: "online", label: t("online") }], t("allChannels"))}
      {options.surveys.length > 1 && select("survey", t("survey"), query.survey, options.surveys.map((s) => ({ value: s.id, label: s.name })), t("allSurveys"))}
      {options.segments.length > 0 && select("segment", t("segment"), query.segment, options.segments.map((s) => ({ value: s, label: s })), t("allSegments"))}
      {showTrend && select("trend", t("trendBy"), query.trend, [{ value: "week", label: t("week") }, { value: "month", label: t("month") }], t("automatic"))}
      <button className="button" type="submit">
        {t("apply")}
      </button>
      {error && <p className="field-error filters-error">{error}</p>}
    </form>
  );
}
