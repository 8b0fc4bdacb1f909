// `npm run db:seed`: the demo tenants on the database named by DATABASE_URL.
import { db } from "@/lib/db/client";
import { demoModeOf } from "@/lib/env";
import { seedDemo } from "./demo";

// The demo's users are well known (admin@northwind.demo …): never on a production database.
if (!demoModeOf(process.env)) {
  console.error("Refusing to seed the demo: this is not demo mode (DATABASE_URL is set and DEMO_MODE is not true)");
  process.exit(1);
}

const started = performance.now();
try {
  const { created, users } = await seedDemo();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(created ? `Demo seeded in ${seconds}s.` : "Demo tenants exist already; nothing seeded.");
  console.log("Demo users (sign in with the email address):");
  for (const user of users) {
    const stores = user.stores ? ` — ${user.stores.join(", ")}` : "";
    console.log(`  ${user.email.padEnd(34)} ${user.role.padEnd(14)} ${user.tenant}${stores}`);
  }
} finally {
  await db.$disconnect();
}
