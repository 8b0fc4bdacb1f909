import { useFormatter, useTranslations } from "next-intl";
import { ActionForm, CheckboxList, Field } from "@/components/form/action-form";
import type { ActionState } from "@/lib/forms/action-state";

const clock = (minutes: number | null) =>
  minutes === null ? "" : `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

type StoreLoop = {
  name: string;
  followUpSlaHours: number | null;
  timeZone: string;
  opensAt: number | null;
  closesAt: number | null;
  openDays: string;
  reviewUrl: string | null;
};

/** A store's own call-back time, business hours (its time zone) and review page. */
export function StoreLoopForm({ store, surveySlaHours, action }: {
  store: StoreLoop;
  surveySlaHours: number;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("storeLoop");
  const format = useFormatter();
  // 1 January 2024 was a Monday: the days' short names in the reader's language, Monday = "1" as stored.
  const days = [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    value: String(day),
    label: format.dateTime(new Date(Date.UTC(2024, 0, day)), { weekday: "short", timeZone: "UTC" }),
  }));
  const hours = store.followUpSlaHours ?? surveySlaHours;
  return (
    <details className="card">
      <summary>
        <strong>{store.name}</strong>{" "}
        <span className="muted">
          {store.opensAt !== null
            ? t("summaryBusiness", { hours, opens: clock(store.opensAt), closes: clock(store.closesAt), timeZone: store.timeZone })
            : t("summary", { hours, timeZone: store.timeZone })}
        </span>
      </summary>
      <ActionForm action={action} submitLabel={t("save", { name: store.name })} className="form wide">
        <Field name="followUpSlaHours" label={t("sla")} type="number" defaultValue={store.followUpSlaHours ?? ""} hint={t("slaHint", { hours: surveySlaHours })} />
        <Field name="timeZone" label={t("timeZone")} defaultValue={store.timeZone} hint={t("timeZoneHint")} />
        <Field name="opensAt" label={t("opens")} type="time" defaultValue={clock(store.opensAt)} hint={t("opensHint")} />
        <Field name="closesAt" label={t("closes")} type="time" defaultValue={clock(store.closesAt)} />
        <CheckboxList name="openDays" label={t("openOn")} options={days} defaultValues={store.openDays.split("")} />
        <Field name="reviewUrl" label={t("review")} defaultValue={store.reviewUrl ?? ""} hint={t("reviewHint")} />
      </ActionForm>
    </details>
  );
}
