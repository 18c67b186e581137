// `npm run demo`: load the seeded demo dataset into the embedded database (once),
// build the app, and serve it on http://localhost:3000.
import { spawnSync, spawn } from "node:child_process";

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, ["bin/strata.mjs", "demo"]);
// Always build: serving a stale .next after pulling new code is a classic trap.
// STRATA_SKIP_BUILD=1 reuses the last build for quick restarts.
if (!process.env.STRATA_SKIP_BUILD) run("npx", ["next", "build"]);
const port = process.env.PORT ?? "3000";
console.log(`\nStrata is starting on http://localhost:${port}`);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
server.on("exit", (code) => process.exit(code ?? 0));
