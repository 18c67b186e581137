import { pathToFileURL } from "node:url";
import type { Db } from "../lib/db/db";
import { openDatabase, closeDatabase } from "../lib/db/client";
import { DEMO_DATASET, DEMO_START } from "../lib/demo/demo-dataset";
import { generateDemoEvents, type DemoEvent } from "../lib/demo/demo-events";
import { copyEvents, createDemoDataset } from "../lib/demo/copy-demo-events";
import { endOfLocalDay } from "../lib/features/as-of";
import { refreshFeatures, type RefreshResult } from "../lib/features/refresh-features";
import { freshBenchDatabase } from "./bench-database";

/**
 * Feature refresh benchmark on demo data:
 *
 *   npm run bench:features [-- --users 500000] [--url postgres://…|--embedded] [--seed 7] [--order user|time]
 *
 * By default a fresh PostgreSQL database on BENCH_DATABASE_URL's server
 * (10M events / 500k users); --embedded runs on an in-memory PGlite. Events go straight into the
 * events table with COPY (dedupe_key 'i:<insert_id>'), not through ingest:
 * this measures the feature SQL only. Events are split into three jobs:
 * - job 1: everything else → a full refresh;
 * - job 2: every 100th event ("late" data spread over all time) → incremental
 *   refresh A; touches the users of a random 1%, heavy users most;
 * - job 3: the newest 1% of events by time (the next hours of data) →
 *   incremental refresh B, the usual case of loading fresh data.
 * All refreshes use the same as-of (end of the last event's local day), so
 * the incremental ones are chosen by `mode: "auto"`.
 * `--order time` loads each job sorted by time (as exported logs usually are)
 * instead of user by user (the generator's order); it holds all events in
 * memory, so keep it to a few million.
 */

export interface FeatureBenchmarkResult {
  engine: Db["engine"];
  events: number;
  loadMs: number;
  full: RefreshResult & { events: number };
  lateOnePercent: RefreshResult & { events: number; historyEvents: number };
  newestOnePercent: RefreshResult & { events: number; historyEvents: number };
  /** Same as-of, nothing new: the cost of deciding there is nothing to do. */
  noop: RefreshResult;
}

export async function runFeatureBenchmark(
  db: Db,
  options: { users: number; seed?: number; days?: number; datasetName?: string; order?: "user" | "time" },
): Promise<FeatureBenchmarkResult> {
  const demo = { seed: options.seed ?? 7, users: options.users, start: DEMO_START, days: options.days ?? 180 };
  const datasetId = await createDemoDataset(db, options.datasetName ?? `${DEMO_DATASET.name}-bench-${options.users}`);

  // Pass 1: the newest-1% cut-off and the as-of.
  const stamps: number[] = [];
  for (const event of generateDemoEvents(demo)) stamps.push(event.ts);
  const sorted = Float64Array.from(stamps).sort();
  const newestFrom = sorted[Math.floor(sorted.length * 0.99)]!;
  const asOf = endOfLocalDay(sorted[sorted.length - 1]!, DEMO_DATASET.timezone);

  // Pass 2: route every event to its job.
  const jobOf = (event: DemoEvent, index: number) => (event.ts >= newestFrom ? 3 : index % 100 === 99 ? 2 : 1);
  const eventsOfJob = function* (job: number) {
    let index = 0;
    for (const event of generateDemoEvents(demo)) if (jobOf(event, index++) === job) yield event;
  };
  const jobEvents = (job: number): Iterable<DemoEvent> =>
    options.order === "time" ? [...eventsOfJob(job)].sort((a, b) => a.ts - b.ts) : eventsOfJob(job);

  const loadStarted = performance.now();
  const firstEvents = await copyEvents(db, datasetId, jobEvents(1), 1);
  await db.exec("ANALYZE events");
  const loadMs = Math.round(performance.now() - loadStarted);
  const full = { ...(await refreshFeatures(db, datasetId, { asOf })), events: firstEvents };

  const incremental = async (job: number) => {
    const events = await copyEvents(db, datasetId, jobEvents(job), job);
    await db.exec("ANALYZE events");
    const [history] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE dataset_id = $1 AND user_id IN (SELECT user_id FROM events WHERE dataset_id = $1 AND job_id = $2)`,
      [datasetId, job],
    );
    return { ...(await refreshFeatures(db, datasetId, { asOf })), events, historyEvents: history!.n };
  };
  const lateOnePercent = await incremental(2);
  const newestOnePercent = await incremental(3);
  const noop = await refreshFeatures(db, datasetId, { asOf });
  return {
    engine: db.engine,
    events: firstEvents + lateOnePercent.events + newestOnePercent.events,
    loadMs,
    full,
    lateOnePercent,
    newestOnePercent,
    noop,
  };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const users = Number(argument("users") ?? 500_000);
  const order = argument("order") === "time" ? "time" : "user";
  const url = process.argv.includes("--embedded") ? undefined : (argument("url") ?? (await freshBenchDatabase("strata_bench_features")));
  const database = await openDatabase({ url, dataDir: null });
  try {
    const result = await runFeatureBenchmark(database.db, { users, seed: Number(argument("seed") ?? 7), order });
    const n = (value: number) => value.toLocaleString("en-US");
    const line = (label: string, r: RefreshResult, detail: string) =>
      `${label.padEnd(22)} ${r.mode.padEnd(11)} ${n(r.users).padStart(8)} users ${(r.durationMs / 1000).toFixed(2).padStart(7)} s  ${detail}`;
    console.log(`${result.engine}, ${n(users)} users, ${n(result.events)} events loaded in ${order} order (job 1 in ${(result.loadMs / 1000).toFixed(1)} s)`);
    console.log(line("full", result.full, `${n(result.full.events)} events`));
    for (const [label, r] of [["+1% late (every 100th)", result.lateOnePercent], ["+1% newest", result.newestOnePercent]] as const) {
      console.log(line(label, r, `${n(r.events)} new events; those users' history: ${n(r.historyEvents)} events`));
    }
    console.log(line("nothing new", result.noop, ""));
  } finally {
    await closeDatabase(database);
  }
}
