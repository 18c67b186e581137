import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { lifecycleCountsFromActivity } from "../activity/activity-lifecycle";
import { activityRollupAnswers, epochDay, getActivityStore } from "../activity/activity-store";
import { asOfDay } from "../features/as-of";
import { readActivityDataset, resolveActivityAsOf, resolveActivityEvent, type ActivityDataset } from "./activity-dataset";
import { buildLifecycle, describeLifecycle, firstShownInterval, type LifecycleCountRow, type LifecycleStatus } from "./lifecycle-math";
import { lifecycleResultSchema, type LifecycleInterval, type LifecycleQuery, type LifecycleResult } from "./lifecycle.types";

/**
 * One output row = (interval start, status, users): how many users had that
 * lifecycle status in the interval (see lifecycle-math.ts for the definitions).
 *
 * One pass over events: GROUP BY user, interval (local dates: `ts::date` in
 * the session TimeZone, which the caller sets to the dataset timezone; weeks by
 * date_trunc('week') = ISO, Monday start), in user order so the window needs
 * no second sort. Then, per user in interval order, lag/lead say whether the
 * previous / next interval was active:
 * - no previous active interval at all → new;
 * - previous active interval = the one just before → returning, else resurrecting;
 * - next active interval missing or later than the one just after → dormant in
 *   the one just after (when it is inside the window, up to the current one).
 * The user-interval stream is tallied once into a few hundred rows (per
 * interval, status and whether the user goes dormant next), never materialized.
 * History before the window is read too: "new" needs each user's first
 * interval ever. $5 is the interval length ('1 day' | '1 week' | '1 month').
 */
export const LIFECYCLE_SQL = `
WITH user_intervals AS (
  SELECT user_id, date_trunc($4::text, ts::date::timestamp)::date AS start
  FROM events
  WHERE dataset_id = $1 AND ts < $2::timestamptz AND ($3::text IS NULL OR event_name = $3::text)
  GROUP BY 1, 2
),
sequenced AS (
  SELECT start,
         lag(start) OVER by_user AS previous_start,
         lead(start) OVER by_user AS next_start
  FROM user_intervals
  WINDOW by_user AS (PARTITION BY user_id ORDER BY start)
),
tallies AS (
  SELECT start,
         CASE WHEN previous_start IS NULL THEN 'new'
              WHEN (previous_start + $5::interval)::date = start THEN 'returning'
              ELSE 'resurrecting' END AS status,
         next_start IS NULL OR next_start > (start + $5::interval)::date AS dormant_next,
         count(*) AS users
  FROM sequenced
  GROUP BY 1, 2, 3
)
SELECT start::text AS start, status, sum(users)::int AS users
FROM tallies
WHERE start >= $6::date
GROUP BY 1, 2
UNION ALL
SELECT (start + $5::interval)::date::text, 'dormant', sum(users)::int
FROM tallies
WHERE dormant_next AND (start + $5::interval)::date >= $6::date AND (start + $5::interval)::date <= $7::date
GROUP BY 1
ORDER BY 1, 2`;

const INTERVAL_LENGTH: Record<LifecycleInterval, string> = { day: "1 day", week: "1 week", month: "1 month" };

/** Raw status counts (see LIFECYCLE_SQL), inside one transaction with the dataset timezone. */
export async function queryLifecycleCounts(
  db: Db,
  params: { datasetId: number; timezone: string; asOf: Date; activityEvent: string | null; interval: LifecycleInterval; periods: number },
): Promise<{ rows: LifecycleCountRow[]; asOfDay: string }> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [params.timezone]);
    const [day] = await tx.query<{ as_of_day: string }>(
      `SELECT (($1::timestamptz - interval '1 millisecond') AT TIME ZONE $2::text)::date::text AS as_of_day`,
      [params.asOf, params.timezone],
    );
    const asOfDay = day!.as_of_day;
    const first = firstShownInterval(asOfDay, params.interval, params.periods);
    const last = firstShownInterval(asOfDay, params.interval, 1);
    const rows = await tx.query<{ start: string; status: LifecycleStatus; users: number }>(LIFECYCLE_SQL, [
      params.datasetId,
      params.asOf,
      params.activityEvent,
      params.interval,
      INTERVAL_LENGTH[params.interval],
      first,
      last,
    ]);
    return { asOfDay, rows: rows.map((row) => ({ start: row.start, status: row.status, users: Number(row.users) })) };
  });
}

/** From the in-memory activity rollup when it can answer (any event or purchases, a local-midnight as-of), else from the events. */
async function lifecycleCounts(
  db: Db,
  dataset: ActivityDataset,
  asOf: Date,
  activityEvent: string | null,
  query: LifecycleQuery,
): Promise<{ rows: LifecycleCountRow[]; asOfDay: string }> {
  if (!activityRollupAnswers(asOf, activityEvent, dataset.timezone)) {
    return queryLifecycleCounts(db, { datasetId: dataset.id, timezone: dataset.timezone, asOf, activityEvent, interval: query.interval, periods: query.periods });
  }
  const day = asOfDay(asOf, dataset.timezone);
  const rows = lifecycleCountsFromActivity(await getActivityStore(db, dataset.id), {
    lastDay: epochDay(day),
    purchasesOnly: activityEvent !== null,
    interval: query.interval,
    first: firstShownInterval(day, query.interval, query.periods),
    last: firstShownInterval(day, query.interval, 1),
  });
  return { rows, asOfDay: day };
}

/**
 * New / returning / resurrecting / dormant users per interval for the last
 * `periods` intervals. as-of defaults to the end of the local day of the
 * dataset's last event (any name, see resolveActivityAsOf); events at or after
 * as-of are ignored.
 * Cached per dataset + parameters until the dataset's data changes.
 */
export async function getLifecycle(db: Db, datasetName: string, query: LifecycleQuery): Promise<LifecycleResult> {
  const dataset = await readActivityDataset(db, datasetName);
  const activityEvent = resolveActivityEvent(dataset, query.event);
  return cachedAnalysis(db, dataset.id, "lifecycle", { ...query, activityEvent }, async () => {
    const asOf = await resolveActivityAsOf(db, dataset, query.asOf);
    let intervals: LifecycleResult["intervals"] = [];
    let asOfDay: string | null = null;
    if (asOf) {
      const counts = await lifecycleCounts(db, dataset, asOf, activityEvent, query);
      asOfDay = counts.asOfDay;
      intervals = buildLifecycle({ rows: counts.rows, interval: query.interval, periods: query.periods, asOfDay });
    }
    // Parse the output too, so API, CLI and UI cannot drift from the schema.
    return lifecycleResultSchema.parse({
      dataset: datasetName,
      timezone: dataset.timezone,
      kind: dataset.kind,
      interval: query.interval,
      periods: query.periods,
      activityEvent,
      asOf: asOf ? asOf.toISOString() : null,
      asOfDay,
      definition: describeLifecycle({ interval: query.interval, timezone: dataset.timezone, activityEvent, transactions: dataset.kind === "transactions" }),
      intervals,
    });
  });
}
