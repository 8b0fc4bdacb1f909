// Prisma 7's CLI looks for its native schema engine before `generate` and tries to download it, which fails
// offline. `generate` never uses that engine, so any existing file satisfies the check (docs/platform-notes.md).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const schema = fileURLToPath(new URL("../prisma/schema.prisma", import.meta.url));
if (!existsSync(schema)) process.exit(0);
execFileSync("npx", ["prisma", "generate", "--schema", schema], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? schema, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
