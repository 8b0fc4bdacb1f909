// The import rules of docs/architecture.md ("Which way imports go"), checked by `npm run lint`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment:
        "A cycle makes the order modules load in matter and hides which of two domains owns a decision: break it by moving " +
        "the shared piece down (a leaf module) or by handing a value in. Type-only imports count too: they tie the files together all the same.",
      severity: "error",
      from: { path: "^(lib|app|components)/" },
      to: { circular: true },
    },
    {
      name: "worker-is-the-top",
      comment:
        "lib/worker/ calls into every domain (job handlers, the due-work sweep, job problems); a domain that imported it " +
        "back would import all of them. Queue a job with lib/queue/enqueue.ts instead.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/worker/" },
      to: { path: "^lib/worker/" },
    },
    {
      name: "queue-is-a-floor",
      comment:
        "Every domain queues jobs through lib/queue/, so lib/queue/ may stand only on lib/db/, lib/env.ts and lib/logging/ (the request id a job carries): anything " +
        "else would make a domain depend on its neighbours through the queue.",
      severity: "error",
      from: { path: "^lib/queue/" },
      to: { path: "^lib/", pathNot: ["^lib/queue/", "^lib/db/", "^lib/env\\.ts$", "^lib/logging/", "^lib/generated/"] },
    },
    {
      name: "components-are-presentational",
      comment:
        "components/ draws what lib/ computed: no database client, no Prisma client (its enums and types are fine). " +
        "Read data in the page or in lib/<domain>/ and pass it in.",
      severity: "error",
      from: { path: "^components/" },
      to: {
        path: ["^lib/db/", "^lib/generated/prisma/(client|internal|models)", "^node_modules/(@prisma/client|@prisma/adapter-pg|pg)/"],
      },
    },
  ],
  options: {
    // The generated Prisma client is a leaf to us: its own imports are not ours to rule.
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["^\\.next/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
