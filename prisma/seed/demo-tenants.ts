import type { Role } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import type { NewOrganization } from "@/lib/organizations/organizations";

export type StoreSpec = {
  code: string;
  name: string;
  city: string;
  region: string;
  /** The language spoken where the store is; contacts speaking it mostly shop here. */
  locale: Locale;
  /** −1 (clearly bad) … +1 (clearly good): shifts the store's share of promoters and detractors. */
  quality: number;
};

/** A store as the generator uses it: the spec plus the ids its rows are linked by. */
export type DemoStore = StoreSpec & { id: string; regionId: string };

export type MemberSpec = { email: string; role: Role; storeCodes: string[] };

export type TenantSpec = {
  /** Faker seed: the same seed and `now` give the same tenant, row for row. */
  seed: number;
  organization: NewOrganization & { defaultLocale: Locale; adminEmail: string };
  regions: string[];
  stores: StoreSpec[];
  /** Quality of the online channel (no store), on the same scale as a store's. */
  onlineQuality: number;
  /** Everyone but the admin, whom createOrganization adds. */
  members: MemberSpec[];
  contacts: number;
  surveySends: number;
  historyDays: number;
  responseRate: number;
  localeShares: Record<Locale, number>;
  /** Share of a language's contacts whose home store speaks it; the others shop at any store. */
  localShopperShare: Record<Locale, number>;
  /** A demo must show a call-back queue with some overdue detractors, however the dice fell. */
  callBackQueue: { minOpen: number; minOverdue: number };
};

const NORTHWIND_STORES: StoreSpec[] = [
  { code: "NW-001", name: "Northwind Hamburg Altona", city: "Hamburg", region: "North", locale: "de", quality: 0.9 },
  { code: "NW-002", name: "Northwind Amsterdam Zuid", city: "Amsterdam", region: "North", locale: "nl", quality: 0.2 },
  { code: "NW-003", name: "Northwind Gdańsk Wrzeszcz", city: "Gdańsk", region: "North", locale: "pl", quality: -0.9 },
  { code: "NW-004", name: "Northwind Manchester Piccadilly", city: "Manchester", region: "North", locale: "en", quality: 0 },
  { code: "NW-005", name: "Northwind Berlin Mitte", city: "Berlin", region: "Central", locale: "de", quality: 0.1 },
  { code: "NW-006", name: "Northwind Utrecht Centraal", city: "Utrecht", region: "Central", locale: "nl", quality: 0.8 },
  { code: "NW-007", name: "Northwind Warszawa Mokotów", city: "Warszawa", region: "Central", locale: "pl", quality: 0.3 },
  { code: "NW-008", name: "Northwind London Camden", city: "London", region: "Central", locale: "en", quality: -1 },
  { code: "NW-009", name: "Northwind Köln Ehrenfeld", city: "Köln", region: "Central", locale: "de", quality: -0.2 },
  { code: "NW-010", name: "Northwind München Schwabing", city: "München", region: "South", locale: "de", quality: 1 },
  { code: "NW-011", name: "Northwind Lyon Part-Dieu", city: "Lyon", region: "South", locale: "fr", quality: 0 },
  { code: "NW-012", name: "Northwind Paris Bastille", city: "Paris", region: "South", locale: "fr", quality: -0.8 },
];

// NW-004 has no manager on purpose: the demo shows a store whose detractors only HQ can see to.
const northwindManagers: MemberSpec[] = [
  ...["NW-001", "NW-002", "NW-003", "NW-005", "NW-006", "NW-007", "NW-008", "NW-009", "NW-010"].map((code) => ({
    email: `manager.${code.toLowerCase()}@northwind.demo`,
    role: "store_manager" as const,
    storeCodes: [code],
  })),
  { email: "manager.france@northwind.demo", role: "store_manager", storeCodes: ["NW-011", "NW-012"] },
];

export const NORTHWIND: TenantSpec = {
  seed: 20_261_123,
  organization: {
    name: "Northwind Markets",
    slug: "northwind",
    defaultLocale: "en",
    brandColor: "#1f4e79",
    adminEmail: "admin@northwind.demo",
    followUpSlaHours: 24,
    reviewUrl: "https://example.com/review/northwind",
  },
  regions: ["North", "Central", "South"],
  stores: NORTHWIND_STORES,
  onlineQuality: 0,
  members: [{ email: "cx@northwind.demo", role: "cx_manager", storeCodes: [] }, ...northwindManagers],
  contacts: 5_000,
  surveySends: 12_000,
  historyDays: 182,
  responseRate: 0.55,
  localeShares: { en: 0.4, de: 0.25, nl: 0.15, pl: 0.1, fr: 0.1 },
  // English speakers are spread over every country; the others mostly shop where their language is spoken.
  localShopperShare: { en: 0.25, de: 0.9, nl: 0.9, pl: 0.9, fr: 0.9 },
  callBackQueue: { minOpen: 10, minOverdue: 5 },
};

export const LUMEN: TenantSpec = {
  seed: 20_261_124,
  organization: {
    name: "Lumen Bank",
    slug: "lumen",
    defaultLocale: "nl",
    brandColor: "#6b2fa3",
    adminEmail: "admin@lumen.demo",
    followUpSlaHours: 24,
    reviewUrl: "https://example.com/review/lumen",
  },
  regions: ["Randstad"],
  stores: [
    { code: "LB-001", name: "Lumen Bank Amsterdam Zuidas", city: "Amsterdam", region: "Randstad", locale: "nl", quality: 0.4 },
    { code: "LB-002", name: "Lumen Bank Rotterdam Centrum", city: "Rotterdam", region: "Randstad", locale: "nl", quality: -0.4 },
  ],
  onlineQuality: 0.2,
  members: [{ email: "manager@lumen.demo", role: "store_manager", storeCodes: ["LB-001"] }],
  contacts: 50,
  surveySends: 100,
  historyDays: 182,
  responseRate: 0.6,
  localeShares: { en: 0.25, de: 0, nl: 0.75, pl: 0, fr: 0 },
  localShopperShare: { en: 0, de: 0, nl: 0.9, pl: 0, fr: 0 },
  callBackQueue: { minOpen: 2, minOverdue: 0 },
};

export const DEMO_TENANTS: TenantSpec[] = [NORTHWIND, LUMEN];

export type DemoUser = { email: string; role: Role; tenant: string; stores?: string[] };

/** Who can sign in to the demo, for the start script to print. */
export function demoUsers(tenants: TenantSpec[] = DEMO_TENANTS): DemoUser[] {
  return tenants.flatMap((tenant) => {
    const storeName = (code: string) => tenant.stores.find((store) => store.code === code)?.name ?? code;
    const admin: DemoUser = { email: tenant.organization.adminEmail, role: "admin", tenant: tenant.organization.name };
    return [
      admin,
      ...tenant.members.map((member) => ({
        email: member.email,
        role: member.role,
        tenant: tenant.organization.name,
        ...(member.role === "store_manager" ? { stores: member.storeCodes.map(storeName) } : {}),
      })),
    ];
  });
}
