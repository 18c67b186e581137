import { cachedAnalysis } from "../analytics/result-cache";
import { getActivityStore, epochDay, isoDate, lastActiveDay } from "../activity/activity-store";
import { everyoneElseIndex, loadUserGroupsTable, resolveUserGroups, type UserGroups } from "../analytics/user-groups";
import { EVERYONE_ELSE, formatGroupBy } from "../analytics/user-groups.types";
import type { Db } from "../db/db";
import { asOfDay, assertTimeZone, endOfLocalDay, instantInLocalDay, resolveAsOf } from "../features/as-of";
import { PURCHASE_EVENT } from "../features/feature-sql";
import { NotFoundError } from "../http/not-found-error";
import type { RetentionUnit } from "../retention/retention.types";
import { curveTalliesFromActivity } from "./curves-from-activity";
import { buildRetentionCurves, describeRetentionCurves, type CurveTallyRow } from "./retention-curves-math";
import { retentionCurvesSchema, type RetentionCurves, type RetentionCurvesQuery } from "./retention-curves.types";

/** The name of the overall reference series. */
export const OVERALL_SERIES = "Everyone";

/**
 * Period index of local date `day` relative to `first_day`, exactly as the
 * cohort matrix (RETENTION_MATRIX_SQL) computes it; $5 = period unit.
 */
function periodOf(day: string): string {
  return `CASE $5::text
      WHEN 'day' THEN ${day} - first_day
      WHEN 'week' THEN (date_trunc('week', (${day})::timestamp)::date - date_trunc('week', first_day::timestamp)::date) / 7
      ELSE (extract(year FROM ${day})::int - extract(year FROM first_day)::int) * 12
        + extract(month FROM ${day})::int - extract(month FROM first_day)::int
    END`;
}

/**
 * One output row = one (group, period N, last elapsed period e) with
 * - active_users: users active in exactly period N (N ≤ max), and
 * - last_active_users: users whose last active period is N (later ones at max),
 * where e = the last period (capped at max) that has fully ended by the as-of
 * day for those users: the period containing as-of day + 1, minus one.
 *
 * Same activity and buckets as the cohort matrix: local days are `ts::date` in
 * the session TimeZone (the caller sets the dataset timezone), only events
 * with ts < as-of, $3 restricts activity to one event name (transactions:
 * 'purchase'). Users come from events and are joined to the TEMP user_groups
 * table; users missing there go to "Everyone else" ($7).
 * $1 dataset, $2 as-of, $3 activity event, $4 as-of day, $5 period unit, $6 max period, $7 everyone-else index.
 */
export const RETENTION_CURVES_SQL = `
WITH active_days AS (
  SELECT user_id, ts::date AS day
  FROM events
  WHERE dataset_id = $1 AND ts < $2::timestamptz AND ($3::text IS NULL OR event_name = $3::text)
  GROUP BY user_id, ts::date
),
with_first AS (
  SELECT user_id, day, min(day) OVER (PARTITION BY user_id) AS first_day FROM active_days
),
user_periods AS (
  SELECT DISTINCT user_id, ${periodOf("day")} AS period,
    least(${periodOf("($4::date + 1)")} - 1, $6::int) AS elapsed
  FROM with_first
),
tallies AS (
  SELECT user_id, period, elapsed, 1 AS active, 0 AS last_active FROM user_periods WHERE period <= $6::int
  UNION ALL
  SELECT user_id, least(max(period), $6::int), elapsed, 0, 1 FROM user_periods GROUP BY user_id, elapsed
)
SELECT coalesce(g.group_index, $7::int) AS group_index, t.period::int AS period, t.elapsed::int AS elapsed,
       sum(t.active)::int AS active_users, sum(t.last_active)::int AS last_active_users
FROM tallies t
LEFT JOIN user_groups g ON g.user_id = t.user_id
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3`;

export interface DatasetRow {
  id: number;
  timezone: string;
  kind: string;
}

export async function readDataset(db: Db, name: string): Promise<DatasetRow> {
  const [row] = await db.query<DatasetRow>(`SELECT id, timezone, kind FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  assertTimeZone(row.timezone);
  return row;
}

/** SQL reference path: any as-of instant, counted from the events. */
export async function queryCurveTallies(db: Db, dataset: DatasetRow, groups: UserGroups, asOf: Date, activityEvent: string | null, query: RetentionCurvesQuery): Promise<CurveTallyRow[]> {
  const tallies = await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [dataset.timezone]);
    await loadUserGroupsTable(tx, groups);
    return tx.query<{ group_index: number; period: number; elapsed: number; active_users: number; last_active_users: number }>(RETENTION_CURVES_SQL, [
      dataset.id,
      asOf,
      activityEvent,
      asOfDay(asOf, dataset.timezone),
      query.period satisfies RetentionUnit,
      query.periods,
      everyoneElseIndex(groups),
    ]);
  });
  return tallies.map((row) => ({
    group: Number(row.group_index),
    period: Number(row.period),
    elapsed: Number(row.elapsed),
    activeUsers: Number(row.active_users),
    lastActiveUsers: Number(row.last_active_users),
  }));
}

/**
 * Tallies from the in-memory activity rollup when the as-of is a local
 * midnight (always, unless an instant is asked for), else from the events —
 * the cohort matrix's rule, so both read the same activity.
 */
async function curveTallies(db: Db, dataset: DatasetRow, groups: UserGroups, asOf: Date, activityEvent: string | null, query: RetentionCurvesQuery): Promise<CurveTallyRow[]> {
  if (endOfLocalDay(asOf.getTime() - 1, dataset.timezone).getTime() !== asOf.getTime()) {
    return queryCurveTallies(db, dataset, groups, asOf, activityEvent, query);
  }
  return activityCurveTallies(db, dataset, groups, asOf, activityEvent, query);
}

/** Fast path: from the activity rollup, for an as-of at a local midnight. */
export async function activityCurveTallies(db: Db, dataset: DatasetRow, groups: UserGroups, asOf: Date, activityEvent: string | null, query: RetentionCurvesQuery): Promise<CurveTallyRow[]> {
  const store = await getActivityStore(db, dataset.id);
  const groupByUser = new Map<string, number>();
  groups.userIds.forEach((userId, i) => groupByUser.set(userId, groups.groupIndex[i]!));
  return curveTalliesFromActivity(store, {
    lastDay: epochDay(asOfDay(asOf, dataset.timezone)),
    purchasesOnly: activityEvent !== null,
    period: query.period,
    maxPeriod: query.periods,
    groupOf: (userId) => groupByUser.get(userId),
    otherGroup: everyoneElseIndex(groups),
    groupCount: groups.groups.length,
  });
}

async function computeRetentionCurves(db: Db, datasetName: string, dataset: DatasetRow, query: RetentionCurvesQuery): Promise<RetentionCurves> {
  const transactions = dataset.kind === "transactions";
  const activityEvent = transactions ? PURCHASE_EVENT : null;
  const groups = await resolveUserGroups(db, datasetName, query.groupBy);
  let lastEventAt: Date | null = null;
  if (!query.asOf) {
    // The last active day from the rollup: max(ts) over the events would scan them all.
    const last = lastActiveDay(await getActivityStore(db, dataset.id), transactions);
    lastEventAt = last === null ? null : instantInLocalDay(isoDate(last), dataset.timezone);
  }
  const asOf = resolveAsOf(query.asOf, lastEventAt, dataset.timezone);
  const rows = asOf ? await curveTallies(db, dataset, groups, asOf, activityEvent, query) : [];
  const asOfDayText = asOf ? asOfDay(asOf, dataset.timezone) : null;
  const series = buildRetentionCurves({
    rows,
    groups: groups.groups,
    maxPeriod: query.periods,
    mode: query.mode,
    overallName: OVERALL_SERIES,
    hideWhenEmpty: new Set([EVERYONE_ELSE]),
  });
  // Parse the output too, so API, CLI and UI cannot drift from the schema.
  return retentionCurvesSchema.parse({
    dataset: datasetName,
    timezone: dataset.timezone,
    kind: dataset.kind,
    groupBy: formatGroupBy(query.groupBy),
    groupLabel: groups.label,
    definitionVersion: groups.definitionVersion,
    period: query.period,
    periods: query.periods,
    mode: query.mode,
    asOf: asOf ? asOf.toISOString() : null,
    asOfDay: asOfDayText,
    definition: describeRetentionCurves({ periodUnit: query.period, mode: query.mode, timezone: dataset.timezone, transactions, groupLabel: groups.label }),
    series: rows.length === 0 ? [] : series,
  });
}

/**
 * Retention curves of a dataset split by `groupBy` (see retention-curves-math.ts
 * for the definitions), cached per dataset data version and parameters.
 * as-of defaults to the end of the local day of the last activity, as for the matrix.
 * @throws NotFoundError for an unknown dataset or saved definition; the segments errors when features were never computed.
 */
export async function getRetentionCurves(db: Db, datasetName: string, query: RetentionCurvesQuery): Promise<RetentionCurves> {
  const dataset = await readDataset(db, datasetName);
  return cachedAnalysis(db, dataset.id, "retention-curves", { datasetName, query }, () => computeRetentionCurves(db, datasetName, dataset, query));
}
