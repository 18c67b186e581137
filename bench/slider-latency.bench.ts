// Slider move → updated segment size on screen, in the explorer, for 500k users.
//
//   npm run bench:slider            (= tsx bench/slider-latency.bench.ts)
//   BENCH_USERS=500000 BENCH_PRESSES=25 BENCH_PORT=3190 BENCH_SKIP_BUILD=1 BENCH_DATABASE_URL=postgres://… npm run bench:slider
//
// Builds the users' features in a fresh PostgreSQL database (seeded INSERT …
// SELECT generate_series, as bench:segments), builds the app once (`next
// build`, skipped with BENCH_SKIP_BUILD=1), serves it with `next start` on that
// database, opens the explorer in Chromium and presses ArrowRight on the
// "Dormant: recency ≥" slider BENCH_PRESSES times (30 → 55 days: every step
// moves thousands of users, and no step repeats a view react-query has cached).
// Each latency runs from the keydown (seen in the page) to the first animation
// frame after the Dormant size text changed: debounce + request + scoring +
// React render, as a person sees it. Target: p95 ≤ 300 ms. Not part of `npm test`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chromium } from "@playwright/test";
import { closeDatabase, openDatabase } from "../lib/db/client";
import { freshBenchDatabase, seconds } from "./bench-database";
import { buildBenchFeatures } from "./bench-features";

const USERS = Number(process.env.BENCH_USERS ?? 500_000);
const PRESSES = Number(process.env.BENCH_PRESSES ?? 25);
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const DATASET = "bench-slider";
const AS_OF = new Date("2026-06-30T00:00:00Z");
const TARGET_MS = 300;
const SIZE_SELECTOR = '[data-testid="segment-row"][data-segment="Dormant"] [data-testid="segment-users"]';

const n = (value: number) => value.toLocaleString("en-US");
const ms = (value: number) => `${value.toFixed(0)} ms`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function waitForServer(baseUrl: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/datasets`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
}

const url = await freshBenchDatabase("strata_bench_slider");
let started = performance.now();
const database = await openDatabase({ url });
await buildBenchFeatures(database.db, { datasetName: DATASET, users: USERS, asOf: AS_OF });
await closeDatabase(database);
console.log(`features: ${n(USERS)} users written to user_features in ${seconds(performance.now() - started)}`);

if (!process.env.BENCH_SKIP_BUILD) {
  started = performance.now();
  const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  console.log(`next build: ${seconds(performance.now() - started)}`);
}

// Its own process group, so it and the next-server it starts stop together.
const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
  env: { ...process.env, DATABASE_URL: url },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const baseUrl = `http://localhost:${PORT}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  await waitForServer(baseUrl, server);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const serverScoreMs: number[] = [];
  page.on("response", (response) => {
    if (!response.url().endsWith(`/api/datasets/${DATASET}/segments`) || !response.ok()) return;
    void response
      .json()
      .then((body: { timings?: { totalMs: number }; segments?: { behaviorNotes: string[] }[] }) => {
        // Size requests only (notes are asked for separately once the slider rests).
        if (body.timings && body.segments?.every((segment) => segment.behaviorNotes.length === 0)) serverScoreMs.push(body.timings.totalMs);
      })
      .catch(() => undefined);
  });

  // First view: the server loads the 500k users' features into its cache.
  started = performance.now();
  await page.goto(`${baseUrl}/datasets/${DATASET}/segments?def=`);
  await page.getByTestId("users-in-view").filter({ hasText: n(USERS) }).waitFor({ timeout: 120_000 });
  console.log(`first explorer view (feature cache load included): ${seconds(performance.now() - started)}`);
  serverScoreMs.length = 0;

  const slider = page.getByRole("slider", { name: "Dormant: recency ≥ (days)" });
  await slider.focus();
  const latencies: number[] = [];
  for (let press = 0; press < PRESSES; press++) {
    // Arm the watch in the page, then press: keydown → the size text changes → next frame.
    await page.evaluate((selector) => {
      const state = window as unknown as { benchLatency?: Promise<number> };
      const before = document.querySelector(selector)?.textContent ?? null;
      state.benchLatency = new Promise<number>((resolve, reject) => {
        let keyAt: number | null = null;
        window.addEventListener("keydown", () => (keyAt = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (keyAt === null || document.querySelector(selector)?.textContent === before) return;
          observer.disconnect();
          clearTimeout(timer);
          const start = keyAt;
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the Dormant size stayed ${before} for 10 s after the key press`));
        }, 10_000);
      });
    }, SIZE_SELECTOR);
    await page.keyboard.press("ArrowRight");
    latencies.push(await page.evaluate(() => (window as unknown as { benchLatency: Promise<number> }).benchLatency));
    // Let the notes request of a resting slider go by, as between a person's moves.
    await page.waitForTimeout(150);
  }
  const finalValue = await slider.inputValue();

  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  console.log(`\nslider key press → updated size on screen, ${n(USERS)} users, ${PRESSES} presses (Dormant recency ≥ 30 → ${finalValue} days)`);
  console.log(`  p50 ${ms(p50)} · p95 ${ms(p95)} · min ${ms(Math.min(...latencies))} · max ${ms(Math.max(...latencies))}   target p95 ≤ ${TARGET_MS} ms: ${p95 <= TARGET_MS ? "met" : "MISSED"}`);
  if (serverScoreMs.length > 0) {
    console.log(`  server share (POST …/segments totalMs, sizes only): p50 ${ms(percentile(serverScoreMs, 50))} · p95 ${ms(percentile(serverScoreMs, 95))} over ${serverScoreMs.length} requests`);
  }
  console.log(`  each: ${latencies.map((value) => value.toFixed(0)).join(", ")}`);
} finally {
  await browser.close();
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}
