import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
const pgUrl = process.argv[2];
const embedded = pgUrl ? null : await startEmbeddedPostgres();
let url = embedded?.url ?? pgUrl!;
if (pgUrl) {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: pgUrl }); await c.connect();
  await c.query("DROP DATABASE IF EXISTS nps_seed_timing WITH (FORCE)"); await c.query("CREATE DATABASE nps_seed_timing"); await c.end();
  const u = new URL(pgUrl); u.pathname = "/nps_seed_timing"; url = u.toString();
}
await migrate(url);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_SIZE = embedded ? "1" : "5";
const { seedDemo } = await import("./demo");
const { db } = await import("@/lib/db");
let t = performance.now();
const r = await seedDemo();
console.log("first run", ((performance.now() - t) / 1000).toFixed(2), "s", r.created);
t = performance.now();
const r2 = await seedDemo();
console.log("second run", ((performance.now() - t) / 1000).toFixed(2), "s", r2.created);
const rows = await db.$queryRawUnsafe<any[]>(`SELECT o.slug,
 (SELECT count(*) FROM "Region" x WHERE x."organizationId"=o.id)::int regions,
 (SELECT count(*) FROM "Store" x WHERE x."organizationId"=o.id)::int stores,
 (SELECT count(*) FROM "Membership" x WHERE x."organizationId"=o.id)::int memberships,
 (SELECT count(*) FROM "MembershipStore" x WHERE x."organizationId"=o.id)::int "membershipStores",
 (SELECT count(*) FROM "Contact" x WHERE x."organizationId"=o.id)::int contacts,
 (SELECT count(*) FROM "SurveySend" x WHERE x."organizationId"=o.id)::int sends,
 (SELECT count(*) FROM "Response" x WHERE x."organizationId"=o.id)::int responses,
 (SELECT count(*) FROM "Response" x WHERE x."organizationId"=o.id AND comment IS NOT NULL)::int "withComment",
 (SELECT count(*) FROM "FollowUp" x WHERE x."organizationId"=o.id)::int "followUps",
 (SELECT count(*) FROM "FollowUp" x WHERE x."organizationId"=o.id AND status='open')::int open,
 (SELECT count(*) FROM "FollowUp" x WHERE x."organizationId"=o.id AND status='open' AND "dueAt" < now())::int overdue,
 (SELECT count(*) FROM "FollowUp" x WHERE x."organizationId"=o.id AND status='contacted')::int contacted,
 (SELECT count(*) FROM "FollowUpNote" x WHERE x."organizationId"=o.id)::int notes,
 (SELECT count(*) FROM "SurveyText" x WHERE x."organizationId"=o.id)::int "surveyTexts",
 (SELECT count(*) FROM "OutboxMessage" x WHERE x."organizationId"=o.id)::int outbox
 FROM "Organization" o ORDER BY o.slug DESC`);
console.table(rows);
console.table(await db.$queryRawUnsafe(`SELECT s.code, s.name, count(r.*)::int responses,
  round(100.0*(count(*) FILTER (WHERE r.category='promoter') - count(*) FILTER (WHERE r.category='detractor'))/count(r.*))::int nps,
  (SELECT count(*) FROM "FollowUp" f WHERE f."storeId"=s.id AND f.status='open')::int open
  FROM "Store" s LEFT JOIN "Response" r ON r."storeId"=s.id GROUP BY s.id ORDER BY s.code`));
console.table(await db.$queryRawUnsafe(`SELECT locale, count(*)::int FROM "Contact" GROUP BY locale ORDER BY 2 DESC`));
console.table(await db.$queryRawUnsafe(`SELECT name, email, phone, locale FROM "Contact" ORDER BY email LIMIT 6`));
console.table(await db.$queryRawUnsafe(`SELECT u.email, u.name, m.role, string_agg(s.code, ',') stores FROM "Membership" m JOIN "User" u ON u.id=m."userId" LEFT JOIN "MembershipStore" ms ON ms."membershipId"=m.id LEFT JOIN "Store" s ON s.id=ms."storeId" GROUP BY u.email,u.name,m.role ORDER BY u.email`));
await db.$disconnect();
await embedded?.stop();
