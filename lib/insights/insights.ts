import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { assertTimeZone } from "../features/as-of";
import { NotFoundError } from "../http/not-found-error";
import { MAX_THRESHOLD_K } from "./aha-threshold";
import { queryBehaviorCounts, type BehaviorCountRow } from "./behavior-counts";
import { insightsSchema, type Insights, type InsightsQuery } from "./insights.types";
import { outcomeDefinition } from "./outcome-wording";
import { predictiveBehaviors } from "./predictive-behaviors";

interface DatasetSettings {
  id: number;
  timezone: string;
  session_timeout_minutes: number;
  core_features: string[];
  conversion_event: string | null;
  cancel_event: string | null;
}

interface CountsResult {
  asOf: string | null;
  asOfDay: string | null;
  featureUsers: number;
  rows: BehaviorCountRow[];
}

/**
 * Predictive behaviors and aha thresholds of a dataset for one outcome
 * (see predictive-behaviors.ts and insights.types.ts for the definitions).
 * Reads the feature table's as-of: run a feature refresh after loading data.
 * The SQL tallies are cached per (days, top) at the dataset's data version, so
 * switching the outcome does not query again.
 */
export async function getInsights(db: Db, datasetName: string, query: InsightsQuery): Promise<Insights> {
  const [dataset] = await db.query<DatasetSettings>(
    `SELECT id, timezone, session_timeout_minutes, core_features, conversion_event, cancel_event FROM datasets WHERE name = $1`,
    [datasetName],
  );
  if (!dataset) throw new NotFoundError(`There is no dataset named "${datasetName}".`);
  assertTimeZone(dataset.timezone);

  const counts = await cachedAnalysis(db, dataset.id, "insights-counts", { days: query.days, top: query.top, window: query.window }, () =>
    queryCounts(db, dataset, query),
  );
  const excludedEvents = [
    ...(query.outcome === "converted" && dataset.conversion_event ? [dataset.conversion_event] : []),
    ...(query.outcome === "churned" && dataset.cancel_event ? [dataset.cancel_event] : []),
  ];
  const result = predictiveBehaviors({
    rows: counts.rows,
    outcome: query.outcome,
    days: query.days,
    window: query.window,
    coreFeatures: dataset.core_features,
    excludedEvents,
  });
  const eligible = result.total.users;
  return insightsSchema.parse({
    dataset: datasetName,
    timezone: dataset.timezone,
    outcome: query.outcome,
    days: query.days,
    asOf: counts.asOf,
    asOfDay: counts.asOfDay,
    outcomeWindowDays: query.window,
    eligibleUsers: eligible,
    tooRecentUsers: counts.featureUsers - eligible,
    outcomeUsers: result.total.outcomes,
    baseRate: eligible === 0 ? null : result.total.outcomes / eligible,
    definition: describeInsights(query, excludedEvents),
    raises: result.raises,
    lowers: result.lowers,
    thresholds: result.thresholds,
  });
}

async function queryCounts(db: Db, dataset: DatasetSettings, query: InsightsQuery): Promise<CountsResult> {
  return db.transaction(async (tx) => {
    // JIT compiles this plan for seconds and saves less; the per-(user, event)
    // hash of a few million early events fits in 256MB instead of spilling to disk.
    await tx.query(`SELECT set_config('TimeZone', $1, true), set_config('jit', 'off', true), set_config('work_mem', '256MB', true)`, [dataset.timezone]);
    const [state] = await tx.query<{ as_of: Date | null; as_of_day: string | null; users: number }>(
      `SELECT max(as_of) AS as_of, ((max(as_of) - interval '1 millisecond') AT TIME ZONE $2::text)::date::text AS as_of_day,
              count(*)::int AS users
       FROM user_features WHERE dataset_id = $1`,
      [dataset.id, dataset.timezone],
    );
    if (!state?.as_of || !state.as_of_day) return { asOf: null, asOfDay: null, featureUsers: 0, rows: [] };
    const rows = await queryBehaviorCounts(tx, {
      datasetId: dataset.id,
      asOfDay: state.as_of_day,
      days: query.days,
      outcomeWindowDays: query.window,
      maxCount: MAX_THRESHOLD_K,
      topEvents: query.top,
      sessionTimeoutMinutes: dataset.session_timeout_minutes,
    });
    return { asOf: new Date(state.as_of).toISOString(), asOfDay: state.as_of_day, featureUsers: Number(state.users), rows };
  });
}

function describeInsights(query: InsightsQuery, excludedEvents: readonly string[]): string {
  const parts = [
    outcomeDefinition(query.outcome, query.window),
    `Compared: users first seen at least ${query.window} days before the features' as-of day, so the outcome is known for all of them.`,
    `Behaviors: what users did in their first ${query.days} local days (dataset timezone), for the ${query.top} events most users did then; "k+ times" thresholds come from the aha curve.`,
    "Ranked by |difference| × √(coverage × (1 − coverage)): the rate difference weighted by reach (equivalent to ranking by |phi|); samples under 30 users per group or 5 per cell are flagged and ranked last.",
    "Intervals: 95% Newcombe hybrid score interval for the difference. Correlation, not causation.",
  ];
  if (excludedEvents.length > 0) parts.push(`Left out because they define the outcome: ${excludedEvents.join(", ")}.`);
  return parts.join(" ");
}
