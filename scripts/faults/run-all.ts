import { spawnSync } from "node:child_process";

// `npm run test:faults`: each fault script on its own process (they start and stop servers), one after another.
const FAULTS = ["scripts/faults/postgres-restart.ts", "scripts/faults/smtp-outage.ts", "scripts/faults/worker-kill.ts", "scripts/faults/graceful-shutdown.ts"];

let failed = 0;
for (const fault of FAULTS) {
  console.log(`\n=== ${fault}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", fault], { stdio: "inherit", env: process.env });
  if (run.status !== 0) failed += 1;
}
console.log(failed === 0 ? "\nAll fault scripts passed." : `\n${failed} fault script(s) failed.`);
process.exitCode = failed === 0 ? 0 : 1;
