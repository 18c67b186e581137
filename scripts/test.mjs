// `npm test`: typecheck, unit + database tests (embedded, plus PostgreSQL when
// TEST_DATABASE_URL is set), then the Playwright journeys in Chromium.
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["unit and database tests", "npx", ["vitest", "run"]],
  ["end-to-end tests (Chromium)", "npx", ["playwright", "test"]],
];

for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
console.log("\n✔ all test steps passed");
