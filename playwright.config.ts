import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// localhost rather than 127.0.0.1: `next dev` serves its scripts to its own host name only.
const baseURL = `http://localhost:${PORT}`;

// Each run gets a fresh embedded database, unless DATABASE_URL names a server.
// The folder is made once by the runner; workers inherit it through the env.
if (!process.env.DATABASE_URL && !process.env.STRATA_E2E_DATA_DIR) {
  process.env.STRATA_E2E_DATA_DIR = join(mkdtempSync(join(tmpdir(), "strata-e2e-")), "pglite");
}

// Specs write datasets; never let them write into a shared or production database by accident.
if (process.env.DATABASE_URL && !process.env.E2E_ALLOW_REMOTE_DATABASE) {
  const host = new URL(process.env.DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run end-to-end tests against ${host}: use a local DATABASE_URL, or set E2E_ALLOW_REMOTE_DATABASE=1.`);
  }
}

// E2E_SKIP_BUILD=1 serves the existing .next build (faster reruns after `next build`).
const serve = `npx next start -p ${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium (apt-get install -y chromium): no browser download needed.
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // The empty-state journey needs a database no other spec has written to yet: it runs first, as its own project.
  projects: [
    { name: "empty-database", testMatch: /empty-state\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
    {
      name: "chromium",
      testIgnore: /empty-state\.spec\.ts/,
      dependencies: ["empty-database"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: process.env.E2E_SKIP_BUILD ? serve : `npx next build && ${serve}`,
    url: `${baseURL}/api/datasets`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { STRATA_DATA_DIR: process.env.STRATA_E2E_DATA_DIR! },
  },
});
