import type { Locale } from "@/lib/i18n/locales";
import { buildContacts, type ContactRow } from "./demo-contacts";
import { buildFeedback, type ResponseRow, type SurveySendRow } from "./demo-feedback";
import { buildFollowUps, type FollowUpNoteRow, type FollowUpRow } from "./demo-follow-ups";
import { buildLoopHistory, type HoldoutAssignmentRow, type PromoterInviteRow, type ResurveyRow } from "./demo-loop-history";
import { demoRandom } from "./demo-random";
import { DEMO_TENANTS, type DemoStore, type MemberSpec, type TenantSpec } from "./demo-tenants";

/**
 * One tenant's demo, as plain rows linked by ids generated here. Rows carry no organizationId or surveyId:
 * those exist only once createOrganization has run, and the writer adds them.
 */
export type DemoTenantData = {
  spec: TenantSpec;
  adminName: string;
  members: (MemberSpec & { name: string })[];
  regions: { id: string; name: string }[];
  stores: DemoStore[];
  contacts: ContactRow[];
  surveySends: SurveySendRow[];
  responses: ResponseRow[];
  followUps: FollowUpRow[];
  notes: FollowUpNoteRow[];
  /** The holdout experiment and re-surveys over the history (their sends and answers are in the lists above). */
  loop: { assignments: HoldoutAssignmentRow[]; resurveys: ResurveyRow[]; promoterInvites: PromoterInviteRow[] };
};

/** Pure: the same `now` always gives the same demo, row for row. */
export function buildDemoData(now: Date, tenants: TenantSpec[] = DEMO_TENANTS): DemoTenantData[] {
  return tenants.map((spec) => buildTenant(spec, now));
}

function buildTenant(spec: TenantSpec, now: Date): DemoTenantData {
  const random = demoRandom(spec.seed);
  const regions = spec.regions.map((name) => ({ id: random.id(), name }));
  const regionId = (name: string) => regions.find((region) => region.name === name)!.id;
  const stores = spec.stores.map((store) => ({ ...store, id: random.id(), regionId: regionId(store.region) }));

  const personName = (locale: Locale) => {
    const person = random.people[locale].person;
    return `${person.firstName()} ${person.lastName()}`;
  };
  const storeLocale = (member: MemberSpec) =>
    stores.find((store) => store.code === member.storeCodes[0])?.locale ?? spec.organization.defaultLocale;
  const adminName = personName(spec.organization.defaultLocale);
  const members = spec.members.map((member) => ({ ...member, name: personName(storeLocale(member)) }));

  const contacts = buildContacts(random, spec, stores, now);
  const { surveySends, responses } = buildFeedback(random, spec, stores, contacts, now);
  const { followUps, notes } = buildFollowUps(random, spec, stores, responses, now);
  const loop = buildLoopHistory(random, { surveySends, responses, followUps, notes }, now);
  return {
    ...{ spec, adminName, members, regions, stores, contacts, notes },
    surveySends: [...surveySends, ...loop.surveySends],
    responses: [...responses, ...loop.responses],
    followUps: [...followUps, ...loop.followUps],
    loop: { assignments: loop.assignments, resurveys: loop.resurveys, promoterInvites: loop.promoterInvites },
  };
}
