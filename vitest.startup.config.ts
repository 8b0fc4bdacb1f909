import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:startup`: `npm start` per configuration (tests/startup/), against the build in .next/. Apart from
// `npm test` because it starts the app several times (about two minutes); .ci/run runs both.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/startup/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 900_000,
  },
});
