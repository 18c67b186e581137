import { cachedAnalysis } from "../analytics/result-cache";
import { everyoneElseIndex, loadUserGroupsTable, resolveUserGroups, type UserGroups } from "../analytics/user-groups";
import { EVERYONE_ELSE, formatGroupBy } from "../analytics/user-groups.types";
import type { Db } from "../db/db";
import { asOfDay as asOfDayOf, assertTimeZone, resolveAsOf } from "../features/as-of";
import { PURCHASE_EVENT } from "../features/feature-sql";
import { NotFoundError } from "../http/not-found-error";
import type { FeatureStore } from "../scoring/feature-store";
import { getDatasetFeatures } from "../segments/feature-cache";
import { convertTalliesFromFeatures } from "./convert-from-features";
import { buildConvertCurves, conversionWindowSentence, converterStats, describeTimeToConvert, type ConvertTallyRow } from "./time-to-convert-math";
import { timeToConvertSchema, type ConverterStats, type TimeToConvert, type TimeToConvertQuery } from "./time-to-convert.types";

export const OVERALL_SERIES = "Everyone";

/**
 * Two kinds of output row, per group (user_groups; users missing there go to $6):
 * - kind 'cells': users with the same convert_day (⌈days to convert⌉ clamped
 *   to 0..$5+1; NULL = no conversion before as-of) and observed_day
 *   (⌊(as-of − start) in days⌋, at most $5);
 * - kind 'converters': per group and overall (ROLLUP row, group NULL) the
 *   number of converters and the quartiles of days to convert.
 * start and conversion are computed exactly as the feature statement does
 * (first signup event, else first event; first conversion event; days =
 * epoch seconds ÷ 86,400), so the curve agrees with the converted and
 * days_to_convert features. Only events with ts < as-of.
 * $1 dataset, $2 as-of, $3 signup event, $4 conversion event, $5 days, $6 everyone-else index.
 */
export const TIME_TO_CONVERT_SQL = `
WITH per_user AS (
  SELECT user_id,
    min(ts) AS first_seen,
    min(ts) FILTER (WHERE event_name = $3::text) AS signup_at,
    min(ts) FILTER (WHERE event_name = $4::text) AS converted_at
  FROM events
  WHERE dataset_id = $1 AND ts < $2::timestamptz
  GROUP BY user_id
),
spans AS (
  SELECT coalesce(g.group_index, $6::int) AS group_index,
    -- GREATEST ignores NULLs: without the CASE a non-converter would read as day 0.
    CASE WHEN p.converted_at IS NOT NULL
      THEN greatest(extract(epoch FROM p.converted_at - coalesce(p.signup_at, p.first_seen))::float8 / 86400, 0)
    END AS days_to_convert,
    extract(epoch FROM $2::timestamptz - coalesce(p.signup_at, p.first_seen))::float8 / 86400 AS observed_days
  FROM per_user p
  LEFT JOIN user_groups g ON g.user_id = p.user_id
)
SELECT 'cells' AS kind, group_index,
  -- LEAST ignores NULLs too: keep non-converters NULL rather than "after the last day".
  CASE WHEN days_to_convert IS NOT NULL THEN least(ceil(days_to_convert), $5::int + 1) END::int AS convert_day,
  least(floor(observed_days), $5::int)::int AS observed_day,
  count(*)::int AS users, NULL::float8 AS q1, NULL::float8 AS median, NULL::float8 AS q3
FROM spans
GROUP BY group_index, 3, 4
UNION ALL
SELECT 'converters', group_index, NULL, NULL, count(*)::int,
  percentile_cont(0.25) WITHIN GROUP (ORDER BY days_to_convert),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_convert),
  percentile_cont(0.75) WITHIN GROUP (ORDER BY days_to_convert)
FROM spans
WHERE days_to_convert IS NOT NULL
GROUP BY ROLLUP (group_index)`;

export interface DatasetRow {
  id: number;
  timezone: string;
  kind: string;
  signup_event: string | null;
  conversion_event: string | null;
}

interface SqlRow {
  kind: "cells" | "converters";
  group_index: number | null;
  convert_day: number | null;
  observed_day: number | null;
  users: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

export async function readDataset(db: Db, name: string): Promise<DatasetRow> {
  const [row] = await db.query<DatasetRow>(`SELECT id, timezone, kind, signup_event, conversion_event FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  assertTimeZone(row.timezone);
  return row;
}

/** The dataset's conversion event, or the purchase for a transaction dataset without one; null = nothing defines a conversion. */
export function conversionEventOf(dataset: { kind: string; conversion_event: string | null }): string | null {
  return dataset.conversion_event ?? (dataset.kind === "transactions" ? PURCHASE_EVENT : null);
}

/** SQL reference path: any as-of, counted from the events. */
export async function queryConvertTallies(
  db: Db,
  dataset: DatasetRow,
  groups: UserGroups,
  asOf: Date,
  conversionEvent: string,
  days: number,
): Promise<{ rows: ConvertTallyRow[]; stats: Map<number, ConverterStats> }> {
  const result = await db.transaction(async (tx) => {
    await loadUserGroupsTable(tx, groups);
    return tx.query<SqlRow>(TIME_TO_CONVERT_SQL, [dataset.id, asOf, dataset.signup_event, conversionEvent, days, everyoneElseIndex(groups)]);
  });
  const rows: ConvertTallyRow[] = [];
  const stats = new Map<number, ConverterStats>();
  for (const row of result) {
    if (row.kind === "cells") {
      rows.push({ group: Number(row.group_index), convertDay: row.convert_day === null ? null : Number(row.convert_day), observedDays: Number(row.observed_day), users: Number(row.users) });
    } else {
      const quartiles = row.median === null ? null : { q1: Number(row.q1), median: Number(row.median), q3: Number(row.q3) };
      stats.set(row.group_index === null ? -1 : Number(row.group_index), converterStats(Number(row.users), quartiles));
    }
  }
  return { rows, stats };
}

/** Fast path: from the feature store (the converted / days_to_convert features themselves). */
export function featureTallies(store: FeatureStore, groups: UserGroups, asOf: Date, days: number): { rows: ConvertTallyRow[]; stats: Map<number, ConverterStats> } {
  // Groups are taken from the same feature store, in store order; map by id only if a reload reordered them.
  let groupOf = (index: number) => groups.groupIndex[index]!;
  if (groups.userIds !== store.userIds) {
    const byUser = new Map<string, number>();
    groups.userIds.forEach((userId, i) => byUser.set(userId, groups.groupIndex[i]!));
    const other = everyoneElseIndex(groups);
    groupOf = (index) => byUser.get(store.userIds[index]!) ?? other;
  }
  return convertTalliesFromFeatures(store, { asOf: asOf.getTime(), days, groupOf, groupCount: groups.groups.length });
}

async function computeTimeToConvert(db: Db, datasetName: string, dataset: DatasetRow, query: TimeToConvertQuery): Promise<TimeToConvert> {
  const conversionEvent = conversionEventOf(dataset);
  const groups = await resolveUserGroups(db, datasetName, query.groupBy);
  let asOf: Date | null = null;
  let rows: ConvertTallyRow[] = [];
  let stats = new Map<number, ConverterStats>();
  const features = query.asOf || !dataset.conversion_event ? null : await getDatasetFeatures(db, datasetName);
  if (features && !features.eventsSinceRefresh) {
    // Default as-of with current features: the features' own as-of (the end of the last event's local day).
    asOf = features.asOf;
    if (conversionEvent) ({ rows, stats } = featureTallies(features.store, groups, asOf, query.days));
  } else {
    let lastEventAt: Date | null = null;
    if (!query.asOf) {
      const [row] = await db.query<{ last: Date | null }>(`SELECT max(ts) AS last FROM events WHERE dataset_id = $1`, [dataset.id]);
      lastEventAt = row?.last ? new Date(row.last) : null;
    }
    asOf = resolveAsOf(query.asOf, lastEventAt, dataset.timezone);
    if (asOf && conversionEvent) ({ rows, stats } = await queryConvertTallies(db, dataset, groups, asOf, conversionEvent, query.days));
  }
  const series = buildConvertCurves({ rows, groups: groups.groups, days: query.days, overallName: OVERALL_SERIES, hideWhenEmpty: new Set([EVERYONE_ELSE]), stats });
  const start = dataset.signup_event ? "signup" : "first seen";
  return timeToConvertSchema.parse({
    dataset: datasetName,
    timezone: dataset.timezone,
    kind: dataset.kind,
    groupBy: formatGroupBy(query.groupBy),
    groupLabel: groups.label,
    definitionVersion: groups.definitionVersion,
    days: query.days,
    asOf: asOf ? asOf.toISOString() : null,
    asOfDay: asOf ? asOfDayOf(asOf, dataset.timezone) : null,
    signupEvent: dataset.signup_event,
    conversionEvent,
    definition: describeTimeToConvert({
      signupEvent: dataset.signup_event,
      conversionEvent: conversionEvent ?? "(none)",
      purchaseFallback: dataset.conversion_event === null && conversionEvent !== null,
      groupLabel: groups.label,
    }),
    summary: rows.length === 0 ? null : conversionWindowSentence(series[0]!, start),
    series: rows.length === 0 ? [] : series,
  });
}

/**
 * Cumulative % of users converted by day since signup, per group (see
 * time-to-convert-math.ts for the definitions), cached per data version and parameters.
 * @throws NotFoundError for an unknown dataset or saved definition; the segments errors when features were never computed.
 */
export async function getTimeToConvert(db: Db, datasetName: string, query: TimeToConvertQuery): Promise<TimeToConvert> {
  const dataset = await readDataset(db, datasetName);
  return cachedAnalysis(db, dataset.id, "time-to-convert", { datasetName, query }, () => computeTimeToConvert(db, datasetName, dataset, query));
}
