import { writeFile } from "node:fs/promises";
import { readMigrations } from "../lib/db/migrate";
import { triggerDefinitionsSql } from "../lib/db/trigger-definitions";

// Writes prisma/triggers.sql: run it after a migration that creates, replaces or drops a function or trigger.
await writeFile("prisma/triggers.sql", triggerDefinitionsSql(await readMigrations()));
console.log("Wrote prisma/triggers.sql");
