// npm run bench:segments — 1M users' features in a fresh PostgreSQL database:
// load them into the in-memory feature cache, re-score every model ~20 times
// with moving thresholds (the explorer's slider), and run the rule model and
// RFM (PERCENT_RANK) as SQL over the same table in the same run.
//
//   BENCH_USERS=1000000 BENCH_RUNS=20 BENCH_DATABASE_URL=postgres://… npm run bench:segments
import { DEFAULT_BEHAVIOR_RULES, type BehaviorRulesDefinition } from "../lib/definitions/behavior-rules";
import { DEFAULT_CHURN_RISK } from "../lib/definitions/churn-risk";
import { DEFAULT_ENGAGEMENT_SCORE } from "../lib/definitions/engagement-score";
import { DEFAULT_INTENT } from "../lib/definitions/intent";
import { DEFAULT_LIFECYCLE } from "../lib/definitions/lifecycle";
import { BUILT_IN_MODEL_IDS, type AnyDefinition, type BuiltInModelId, type ModelId } from "../lib/definitions/models";
import { DEFAULT_PQL } from "../lib/definitions/pql";
import { DEFAULT_RFM, rfmSegments, type RfmDefinition } from "../lib/definitions/rfm";
import { DEFAULT_USAGE_TIERS } from "../lib/definitions/usage-tiers";
import { closeDatabase, openDatabase } from "../lib/db/client";
import type { Db } from "../lib/db/db";
import { computeSegments } from "../lib/segments/compute-segments";
import { clearFeatureCache, getDatasetFeatures } from "../lib/segments/feature-cache";
import { exportSegmentCsv } from "../lib/segments/segment-export";
import { listSegmentMembers } from "../lib/segments/segment-members";
import { freshBenchDatabase, seconds } from "./bench-database";
import { buildBenchFeatures } from "./bench-features";
import { behaviorRulesSql, countsInOrder, rfmPercentileSql } from "./segment-sql";

const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const DATASET = "bench-segments";
const AS_OF = new Date("2026-06-30T00:00:00Z");
const AS_OF_DAY = "2026-06-29";

const n = (value: number) => value.toLocaleString("en-US");
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function buildFeatures(db: Db): Promise<number> {
  return buildBenchFeatures(db, { datasetName: DATASET, users: USERS, asOf: AS_OF });
}

/** Run i's definition: the default with one or two thresholds moved, as a slider drag would. */
function definitionFor(modelId: BuiltInModelId, i: number): AnyDefinition {
  const step = i % 10;
  switch (modelId) {
    case "behavior-rules": {
      const definition = structuredClone(DEFAULT_BEHAVIOR_RULES) as BehaviorRulesDefinition;
      definition.rules[4]!.conditions[0] = { feature: "sessionsPerWeek", operator: ">", value: 3 + step * 0.5 };
      definition.rules[1]!.conditions[0] = { feature: "recencyDays", operator: ">=", value: 21 + (i % 7) * 3 };
      return definition;
    }
    case "rfm": {
      const shift = step * 0.015;
      return { ...DEFAULT_RFM, percentileCutPoints: [0.2 + shift, 0.4 + shift, 0.6 + shift, 0.8 + shift] } satisfies RfmDefinition;
    }
    case "lifecycle":
      return { ...DEFAULT_LIFECYCLE, newWithinDays: 3 + step, atRisk: { ...DEFAULT_LIFECYCLE.atRisk, inactiveDays: 10 + step } };
    case "usage-tiers":
      return { ...DEFAULT_USAGE_TIERS, powerTopShare: 0.05 + step * 0.01 };
    case "churn-risk":
      return { ...DEFAULT_CHURN_RISK, highInactiveDays: 14 + step };
    case "engagement-score":
      return { ...DEFAULT_ENGAGEMENT_SCORE, tiers: [{ name: "Highly engaged", minScore: 0.3 + step * 0.05 }, { name: "Moderately engaged", minScore: -0.5 }] };
    case "pql":
      return { ...DEFAULT_PQL, qualifyAt: 40 + step * 5 };
    case "intent":
      return { ...DEFAULT_INTENT, bands: { highAtLeast: 8 + step * 0.5, mediumAtLeast: 3 } };
  }
}

async function timeSql(db: Db, sql: string, datasetId: number, runs: number) {
  const times: number[] = [];
  let rows: { segment: string; users: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    rows = await db.query<{ segment: string; users: number }>(sql, [datasetId]);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), times, rows };
}

const url = await freshBenchDatabase("strata_bench_segments");
const database = await openDatabase({ url });
const { db } = database;
try {
  let started = performance.now();
  const datasetId = await buildFeatures(db);
  console.log(`features: ${n(USERS)} users written to user_features in ${seconds(performance.now() - started)} (INSERT … SELECT generate_series, seeded)`);

  clearFeatureCache();
  const heapBefore = process.memoryUsage();
  started = performance.now();
  const features = await getDatasetFeatures(db, DATASET);
  const loadMs = performance.now() - started;
  const heapAfter = process.memoryUsage();
  console.log(
    `feature cache load: ${seconds(loadMs)} for ${n(features.store.size)} users (one binary COPY → typed arrays; +${mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers)} typed arrays, +${mb(heapAfter.heapUsed - heapBefore.heapUsed)} heap)`,
  );
  clearFeatureCache();
  started = performance.now();
  await getDatasetFeatures(db, DATASET);
  console.log(`feature cache load again (table now in the OS cache): ${seconds(performance.now() - started)}`);
  started = performance.now();
  await getDatasetFeatures(db, DATASET);
  console.log(`cache hit (the per-request freshness check): ${ms(performance.now() - started)}`);

  console.log(`\nserver-side recompute, ${RUNS} runs per model with moving thresholds after 3 warm-up runs (computeSegments without notes: validate, freshness check, score, count)`);
  console.log(`${"model".padEnd(18)}${"first run".padStart(11)}${"p50".padStart(10)}${"p95".padStart(10)}${"score p50".padStart(11)}${"+ notes p50".padStart(13)}`);
  const p50ByModel = new Map<ModelId, number>();
  const countsByModel = new Map<ModelId, { definition: AnyDefinition; segments: string[]; users: number[] }>();
  // Saved-only models (clusters) have no default to move a threshold of.
  for (const modelId of BUILT_IN_MODEL_IDS) {
    const first = await computeSegments(db, DATASET, { modelId, definition: definitionFor(modelId, 0), notes: false });
    const firstMs = first.timings.totalMs;
    // Warm-up (JIT): not counted.
    for (let i = 0; i < 3; i++) await computeSegments(db, DATASET, { modelId, definition: definitionFor(modelId, i + 5), notes: false });
    const totals: number[] = [];
    const scores: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const result = await computeSegments(db, DATASET, { modelId, definition: definitionFor(modelId, i), notes: false });
      totals.push(result.timings.totalMs);
      scores.push(result.timings.scoreMs);
    }
    const withNotes: number[] = [];
    for (let i = 0; i < 3; i++) {
      withNotes.push((await computeSegments(db, DATASET, { modelId, definition: definitionFor(modelId, i), notes: true })).timings.totalMs);
    }
    const reference = await computeSegments(db, DATASET, { modelId, definition: definitionFor(modelId, 3), notes: false });
    countsByModel.set(modelId, { definition: definitionFor(modelId, 3), segments: reference.segments.map((s) => s.name), users: reference.segments.map((s) => s.users) });
    p50ByModel.set(modelId, percentile(totals, 50));
    console.log(
      `${modelId.padEnd(18)}${ms(firstMs).padStart(11)}${ms(percentile(totals, 50)).padStart(10)}${ms(percentile(totals, 95)).padStart(10)}${ms(percentile(scores, 50)).padStart(11)}${ms(percentile(withNotes, 50)).padStart(13)}`,
    );
  }
  const target = (modelId: ModelId) => `${p50ByModel.get(modelId)! <= 50 ? "meets" : "MISSES"} the 50 ms p50 target`;
  console.log(`behavior-rules ${target("behavior-rules")}; rfm ${target("rfm")}`);

  console.log(`\nthe same segmentations as SQL in PostgreSQL over user_features (same run; work_mem ${(await db.query<{ work_mem: string }>("SHOW work_mem"))[0]!.work_mem})`);
  const rules = countsByModel.get("behavior-rules")!;
  const rulesSql = await timeSql(db, behaviorRulesSql(rules.definition as BehaviorRulesDefinition, AS_OF_DAY, "UTC"), datasetId, 5);
  const rulesAgree = JSON.stringify(countsInOrder(rules.segments, rulesSql.rows)) === JSON.stringify(rules.users);
  console.log(
    `behavior rules (CASE WHEN, first match wins): p50 ${ms(rulesSql.p50)} over 5 runs vs in memory ${ms(p50ByModel.get("behavior-rules")!)} → ${(rulesSql.p50 / p50ByModel.get("behavior-rules")!).toFixed(1)}× faster in memory; counts ${rulesAgree ? "agree" : "DIFFER"}`,
  );
  const rfm = countsByModel.get("rfm")!;
  const rfmSql = await timeSql(db, rfmPercentileSql(rfm.definition as RfmDefinition), datasetId, 3);
  const rfmAgree = JSON.stringify(countsInOrder(rfmSegments(rfm.definition as RfmDefinition), rfmSql.rows)) === JSON.stringify(rfm.users);
  console.log(
    `RFM (3 × PERCENT_RANK() OVER, grid join): p50 ${seconds(rfmSql.p50)} over 3 runs vs in memory ${ms(p50ByModel.get("rfm")!)} → ${(rfmSql.p50 / p50ByModel.get("rfm")!).toFixed(0)}× faster in memory; counts ${rfmAgree ? "agree" : "DIFFER"}`,
  );
  if (!rulesAgree || !rfmAgree) {
    console.log(`  in memory: ${JSON.stringify(rules.users)} / ${JSON.stringify(rfm.users)}`);
    console.log(`  SQL:       ${JSON.stringify(rulesSql.rows)} / ${JSON.stringify(rfmSql.rows)}`);
    process.exitCode = 1;
  }

  console.log(`\nmembers and export`);
  const biggest = [...rules.segments.keys()].sort((a, b) => rules.users[b]! - rules.users[a]!)[0]!;
  const segment = rules.segments[biggest]!;
  started = performance.now();
  const page = await listSegmentMembers(db, DATASET, { modelId: "rfm", segment: "Hibernating", sort: "monetary", dir: "desc", pageSize: 50 });
  console.log(`members page 1 (RFM "Hibernating", ${n(page.total)} users, 50 per page, sorted by monetary): ${ms(performance.now() - started)}`);
  started = performance.now();
  await listSegmentMembers(db, DATASET, { modelId: "rfm", segment: "Hibernating", sort: "monetary", dir: "desc", pageSize: 500, page: 200 });
  console.log(`members page 200 of 500 (full sort): ${ms(performance.now() - started)}`);
  started = performance.now();
  const csv = await exportSegmentCsv(db, DATASET, { modelId: "behavior-rules", definition: rules.definition, segment });
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of csv.chunks) {
    bytes += Buffer.byteLength(chunk);
    chunks++;
  }
  const exportMs = performance.now() - started;
  console.log(
    `export "${segment}": ${n(csv.rows)} rows, ${mb(bytes)} of CSV in ${chunks} chunks, ${seconds(exportMs)} (${n(Math.round(csv.rows / (exportMs / 1000)))} rows/s); peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
} finally {
  await closeDatabase(database);
}
