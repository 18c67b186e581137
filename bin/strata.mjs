#!/usr/bin/env node
// The `strata` command: loads the TypeScript CLI through tsx so lib/ runs unchanged.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// V8 lets the old generation grow lazily when memory is plentiful; a streaming
// load then shows ~500 MB RSS of garbage. A cap keeps the CLI's footprint
// honest (measured: same throughput, peak RSS ≈ 280 MB for a 1M-row file);
// column data lives in ArrayBuffers, which the cap does not count.
const HEAP_FLAG = "--max-old-space-size";
if (!process.execArgv.some((arg) => arg.startsWith(HEAP_FLAG)) && !(process.env.NODE_OPTIONS ?? "").includes(HEAP_FLAG)) {
  const result = spawnSync(process.execPath, [`${HEAP_FLAG}=384`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
await import("../scripts/strata.ts");
