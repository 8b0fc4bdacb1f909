import path from "node:path";
import { defineConfig } from "vitest/config";

// The embedded PGlite is a single session: test files must take turns. A real server takes them in parallel.
const embedded = !process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-env.ts"],
    fileParallelism: !embedded,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
