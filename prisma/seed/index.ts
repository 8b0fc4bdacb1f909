// `npm run db:seed`: the demo tenants on the database named by DATABASE_URL.
import { db } from "@/lib/db/client";
import { seedDemo } from "./demo";

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
