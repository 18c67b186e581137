import { cachedAnalysis } from "../analytics/result-cache";
import type { Db, Queryable } from "../db/db";
import { activityRollupAnswers, defaultActivityAsOf, epochDay, getActivityStore } from "../activity/activity-store";
import { retentionCountsFromActivity } from "../activity/activity-retention";
import { asOfDay, assertTimeZone, resolveAsOf } from "../features/as-of";
import { PURCHASE_EVENT } from "../features/feature-sql";
import { NotFoundError } from "../http/not-found-error";
import { buildRetentionMatrix, describeRetention, type RetentionCountRow } from "./retention-math";
import { retentionMatrixSchema, type RetentionMatrix, type RetentionQuery, type RetentionUnit } from "./retention.types";

/**
 * One output row = one (cohort, period index N) with
 * - active_users: users of that cohort active in exactly period N (N ≤ max), and
 * - last_active_users: users whose last active period before as-of is N
 *   (periods past max counted at max), from which unbounded retention follows.
 *
 * Local days are `ts::date` in the session TimeZone, which the caller sets to
 * the dataset timezone for the transaction (as the feature refresh does, so
 * days agree between features and retention). Weeks: date_trunc('week') on a
 * local date = ISO week, Monday start. Only events with ts < as-of count.
 * $3 restricts activity to one event name (transactions: 'purchase').
 */
export const RETENTION_MATRIX_SQL = `
WITH active_days AS (
  SELECT user_id, ts::date AS day
  FROM events
  WHERE dataset_id = $1 AND ts < $2::timestamptz AND ($3::text IS NULL OR event_name = $3::text)
  GROUP BY user_id, ts::date
),
-- A window instead of a join back to per-user minimums: no join for the planner to misjudge.
with_first AS (
  SELECT user_id, day, min(day) OVER (PARTITION BY user_id) AS first_day FROM active_days
),
user_periods AS (
  SELECT DISTINCT
    user_id,
    date_trunc($4::text, first_day::timestamp)::date AS cohort_start,
    CASE $5::text
      WHEN 'day' THEN day - first_day
      WHEN 'week' THEN (date_trunc('week', day::timestamp)::date - date_trunc('week', first_day::timestamp)::date) / 7
      ELSE (extract(year FROM day)::int - extract(year FROM first_day)::int) * 12
        + extract(month FROM day)::int - extract(month FROM first_day)::int
    END AS period
  FROM with_first
),
last_periods AS (
  SELECT user_id, cohort_start, least(max(period), $6::int) AS period
  FROM user_periods
  GROUP BY user_id, cohort_start
),
tallies AS (
  SELECT cohort_start, period, 1 AS active, 0 AS last_active FROM user_periods WHERE period <= $6::int
  UNION ALL
  SELECT cohort_start, period, 0, 1 FROM last_periods
)
SELECT cohort_start::text AS cohort_start, period::int AS period,
       sum(active)::int AS active_users, sum(last_active)::int AS last_active_users
FROM tallies
GROUP BY cohort_start, period
ORDER BY cohort_start, period`;

interface DatasetRow {
  id: number;
  timezone: string;
  kind: string;
}

async function readDataset(db: Queryable, name: string): Promise<DatasetRow> {
  const [row] = await db.query<DatasetRow>(`SELECT id, timezone, kind FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  assertTimeZone(row.timezone);
  return row;
}

/** Raw per-cohort counts (see RETENTION_MATRIX_SQL), inside one transaction with the dataset timezone. */
export async function queryRetentionCounts(
  db: Db,
  params: { datasetId: number; timezone: string; asOf: Date; activityEvent: string | null; cohort: RetentionUnit; period: RetentionUnit; maxPeriod: number },
): Promise<{ rows: RetentionCountRow[]; asOfDay: string }> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [params.timezone]);
    const [day] = await tx.query<{ as_of_day: string }>(
      `SELECT (($1::timestamptz - interval '1 millisecond') AT TIME ZONE $2::text)::date::text AS as_of_day`,
      [params.asOf, params.timezone],
    );
    const rows = await tx.query<{ cohort_start: string; period: number; active_users: number; last_active_users: number }>(
      RETENTION_MATRIX_SQL,
      [params.datasetId, params.asOf, params.activityEvent, params.cohort, params.period, params.maxPeriod],
    );
    return {
      asOfDay: day!.as_of_day,
      rows: rows.map((row) => ({
        cohortStart: row.cohort_start,
        period: Number(row.period),
        activeUsers: Number(row.active_users),
        lastActiveUsers: Number(row.last_active_users),
      })),
    };
  });
}

/**
 * Counts from the in-memory activity rollup when the as-of is a local
 * midnight (always, unless an instant is asked for), else from the events.
 */
async function retentionCounts(
  db: Db,
  dataset: DatasetRow,
  asOf: Date,
  activityEvent: string | null,
  query: RetentionQuery,
): Promise<{ rows: RetentionCountRow[]; asOfDay: string }> {
  const day = asOfDay(asOf, dataset.timezone);
  if (activityRollupAnswers(asOf, activityEvent, dataset.timezone)) {
    const store = await getActivityStore(db, dataset.id);
    const rows = retentionCountsFromActivity(store, {
      lastDay: epochDay(day),
      purchasesOnly: activityEvent !== null,
      cohort: query.cohort,
      period: query.period,
      maxPeriod: query.periods,
    });
    return { rows, asOfDay: day };
  }
  return queryRetentionCounts(db, {
    datasetId: dataset.id,
    timezone: dataset.timezone,
    asOf,
    activityEvent,
    cohort: query.cohort,
    period: query.period,
    maxPeriod: query.periods,
  });
}

/**
 * The cohort retention matrix of a dataset. as-of defaults to the end of the
 * local day of the dataset's last event (as for features); events at or after
 * as-of are ignored. Transaction datasets: activity = purchase events, so
 * retention = repeat purchase.
 */
export async function getRetentionMatrix(db: Db, datasetName: string, query: RetentionQuery): Promise<RetentionMatrix> {
  const dataset = await readDataset(db, datasetName);
  return cachedAnalysis(db, dataset.id, "retention-matrix", query, () => computeRetentionMatrix(db, datasetName, dataset, query));
}

async function computeRetentionMatrix(db: Db, datasetName: string, dataset: DatasetRow, query: RetentionQuery): Promise<RetentionMatrix> {
  const transactions = dataset.kind === "transactions";
  const activityEvent = transactions ? PURCHASE_EVENT : null;
  // Default as-of from the rollup: max(ts) over the events would scan them all.
  const asOf = query.asOf ? resolveAsOf(query.asOf, null, dataset.timezone) : defaultActivityAsOf(await getActivityStore(db, dataset.id), transactions);
  const definition = describeRetention({
    cohortUnit: query.cohort,
    periodUnit: query.period,
    mode: query.mode,
    timezone: dataset.timezone,
    transactions,
  });
  let cohorts: RetentionMatrix["cohorts"] = [];
  let asOfDayText: string | null = null;
  if (asOf) {
    const counts = await retentionCounts(db, dataset, asOf, activityEvent, query);
    asOfDayText = counts.asOfDay;
    cohorts = buildRetentionMatrix({
      rows: counts.rows,
      cohortUnit: query.cohort,
      periodUnit: query.period,
      maxPeriod: query.periods,
      mode: query.mode,
      asOfDay: asOfDayText,
    });
  }
  // Parse the output too, so API, CLI and UI cannot drift from the schema.
  return retentionMatrixSchema.parse({
    dataset: datasetName,
    timezone: dataset.timezone,
    kind: dataset.kind,
    cohort: query.cohort,
    period: query.period,
    periods: query.periods,
    mode: query.mode,
    asOf: asOf ? asOf.toISOString() : null,
    asOfDay: asOfDayText,
    definition,
    cohorts,
  });
}
