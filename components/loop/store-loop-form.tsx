import { ActionForm, CheckboxList, Field } from "@/components/form/action-form";
import type { ActionState } from "@/lib/forms/action-state";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((label, i) => ({ value: String(i + 1), label }));
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
  return (
    <details className="card">
      <summary>
        <strong>{store.name}</strong>{" "}
        <span className="muted">
          · call back within {store.followUpSlaHours ?? surveySlaHours} h
          {store.opensAt !== null ? ` of business hours (${clock(store.opensAt)}–${clock(store.closesAt)}, ${store.timeZone})` : `, ${store.timeZone}`}
        </span>
      </summary>
      <ActionForm action={action} submitLabel={`Save ${store.name}`} className="form wide">
        <Field name="followUpSlaHours" label="Call back within (hours)" type="number" defaultValue={store.followUpSlaHours ?? ""} hint={`Empty: the survey's ${surveySlaHours} h.`} />
        <Field name="timeZone" label="Time zone" defaultValue={store.timeZone} hint="IANA name, e.g. Europe/Berlin" />
        <Field name="opensAt" label="Opens" type="time" defaultValue={clock(store.opensAt)} hint="Empty: the SLA runs around the clock." />
        <Field name="closesAt" label="Closes" type="time" defaultValue={clock(store.closesAt)} />
        <CheckboxList name="openDays" label="Open on" options={DAYS} defaultValues={store.openDays.split("")} />
        <Field name="reviewUrl" label="Review page for this store's promoters" defaultValue={store.reviewUrl ?? ""} hint="Empty: the survey's review link." />
      </ActionForm>
    </details>
  );
}
