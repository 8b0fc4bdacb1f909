import { migrate } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(1);
}
const applied = await migrate(url);
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
