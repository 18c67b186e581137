import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname } from "node:path";

/** Removes the run's embedded database folder (made in playwright.config.ts); never anything else. */
export default function globalTeardown(): void {
  const dataDir = process.env.STRATA_E2E_DATA_DIR;
  if (!dataDir) return;
  const runFolder = dirname(dataDir);
  if (dirname(runFolder) === tmpdir() && basename(runFolder).startsWith("strata-e2e-")) {
    rmSync(runFolder, { recursive: true, force: true });
  }
}
