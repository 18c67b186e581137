import { closeDatabase, openDatabase } from "../lib/db/client";
import type { Db } from "../lib/db/db";
import { syncActivityRollup } from "../lib/activity/activity-rollup";
import { clearAnalysisCache } from "../lib/analytics/result-cache";
import { DEMO_DATASET, DEMO_START } from "../lib/demo/demo-dataset";
import { generateDemoEvents } from "../lib/demo/demo-events";
import { copyEvents, createDemoDataset } from "../lib/demo/copy-demo-events";
import { refreshFeatures } from "../lib/features/refresh-features";
import { getRetentionMatrix } from "../lib/retention/retention-matrix";
import { retentionQuerySchema } from "../lib/retention/retention.types";
import { getFunnel } from "../lib/funnel/funnel";
import { parseFunnelSearchParams } from "../lib/funnel/funnel.types";
import { getLifecycle } from "../lib/lifecycle/lifecycle-query";
import { lifecycleQuerySchema } from "../lib/lifecycle/lifecycle.types";
import { getInsights } from "../lib/insights/insights";
import { insightsQuerySchema } from "../lib/insights/insights.types";
import { getAudit } from "../lib/audit/audit";
import { freshBenchDatabase, seconds } from "./bench-database";

/**
 * Chart queries on demo data (10M events / 500k users by default), then the
 * heavier, once-per-data-version analyses of the Insights and Audit tabs:
 *
 *   npm run bench:charts [-- --users 500000] [--reuse]
 *
 * Each chart runs cold (result cache cleared; PostgreSQL's own buffers stay
 * warm, as on a server that has been up) three times, then cached twenty
 * times. --reuse keeps the database of the previous run (loading 10M events
 * takes a few minutes) when it holds the same number of users.
 */

const DATABASE = "strata_bench_charts";
const COLD_RUNS = 3;
const CACHED_RUNS = 20;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function benchDatabaseUrl(reuse: boolean): Promise<string> {
  if (!reuse) return freshBenchDatabase(DATABASE);
  const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function loadDataset(db: Db, users: number): Promise<{ name: string; events: number; loadMs: number }> {
  const name = `${DEMO_DATASET.name}-charts-${users}`;
  const [existing] = await db.query<{ events: number }>(
    `SELECT count(*)::int AS events FROM events WHERE dataset_id = (SELECT id FROM datasets WHERE name = $1)`,
    [name],
  );
  if (existing && existing.events > 0) {
    // A database from before the activity rollup existed gets it now (a no-op when it is up to date).
    const [dataset] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = $1`, [name]);
    const sync = await syncActivityRollup(db, dataset!.id);
    if (sync.rebuilt) await db.exec("VACUUM ANALYZE activity_days");
    return { name, events: existing.events, loadMs: 0 };
  }
  const started = performance.now();
  const datasetId = await createDemoDataset(db, name);
  const events = await copyEvents(db, datasetId, generateDemoEvents({ seed: 7, users, start: DEMO_START, days: 180 }), 1);
  await db.exec("ANALYZE events");
  // The refresh also builds the activity rollup (as after any ingest).
  await refreshFeatures(db, datasetId, {});
  await db.exec("VACUUM ANALYZE activity_days");
  return { name, events, loadMs: performance.now() - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeChart(label: string, run: () => Promise<unknown>, coldRuns = COLD_RUNS): Promise<void> {
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    clearAnalysisCache();
    const started = performance.now();
    await run();
    cold.push(performance.now() - started);
  }
  const cached: number[] = [];
  for (let i = 0; i < CACHED_RUNS; i++) {
    const started = performance.now();
    await run();
    cached.push(performance.now() - started);
  }
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  console.log(
    `${label.padEnd(44)} cold median ${ms(median(cold)).padStart(8)} (runs: ${cold.map(ms).join(", ")})   cached median ${ms(median(cached)).padStart(7)}, max ${ms(Math.max(...cached))}`,
  );
}

const users = Number(argument("users") ?? 500_000);
const database = await openDatabase({ url: await benchDatabaseUrl(process.argv.includes("--reuse")), dataDir: null });
try {
  const { db } = database;
  const dataset = await loadDataset(db, users);
  console.log(
    `${db.engine}, ${users.toLocaleString("en-US")} users, ${dataset.events.toLocaleString("en-US")} events` +
      (dataset.loadMs ? ` (loaded and features computed in ${seconds(dataset.loadMs)})` : " (reused)"),
  );
  await timeChart("retention matrix: weekly cohorts, 26 periods", () =>
    getRetentionMatrix(db, dataset.name, retentionQuerySchema.parse({ cohort: "week", period: "week", periods: 26 })),
  );
  await timeChart("funnel: 4 steps, 7-day window", () =>
    getFunnel(db, dataset.name, parseFunnelSearchParams(new URLSearchParams({ steps: "signup,onboarding_completed,pricing_view,upgrade", window: "7d" }))),
  );
  await timeChart("lifecycle: 26 weeks", () => getLifecycle(db, dataset.name, lifecycleQuerySchema.parse({ interval: "week", periods: 26 })));
  console.log("no target (loading state shown; cached per data version):");
  await timeChart("insights: day-28 retention, first 7 days", () => getInsights(db, dataset.name, insightsQuerySchema.parse({ outcome: "retained" })), 1);
  await timeChart("tracking-plan audit", () => getAudit(db, dataset.name), 1);
} finally {
  await closeDatabase(database);
}
