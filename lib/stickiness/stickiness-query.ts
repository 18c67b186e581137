import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { stickinessFromActivity } from "../activity/activity-stickiness";
import { activityRollupAnswers, epochDay, getActivityStore } from "../activity/activity-store";
import { asOfDay } from "../features/as-of";
import { readActivityDataset, resolveActivityAsOf, resolveActivityEvent, type ActivityDataset } from "../lifecycle/activity-dataset";
import {
  buildActiveDaysPerWeek,
  buildDaily,
  describeStickiness,
  MAU_DAYS,
  stickinessWindow,
  WAU_DAYS,
  type ActiveDaysRow,
  type StickinessChangeRow,
} from "./stickiness-math";
import { stickinessResultSchema, type StickinessQuery, type StickinessResult } from "./stickiness.types";

/**
 * Two kinds of output row, from one pass over events:
 * - ('day', d, dau, wau, mau): on local day d something changed; DAU of d and
 *   WAU / MAU from d until the next such row.
 * - ('week', monday, k, users, 0): `users` were active on exactly k days of
 *   the full ISO week starting monday.
 *
 * Distinct (user, local day) once (`ts::date` in the session TimeZone, set by
 * the caller to the dataset timezone), in (user, week, day) order, so the
 * window functions need no second sort. Trailing-window distinct counts
 * without expanding each user-day into 7 or 30 rows: a user is in WAU on d
 * when one of their active days lies in d−6…d, i.e. the union of the intervals
 * [day, day+6]. Walking a user's active days in order, that union grows by +1
 * at an active day whose previous active day is ≥ 7 days earlier, and shrinks
 * by −1 at day+7 when the next active day is ≥ 7 days later (or there is none);
 * a running sum of those deltas over days is WAU. Same with 30 for MAU.
 * A user's last active day of a week carries their running count of active
 * days in that week = their active days that week.
 * Everything is tallied per day first (a few hundred rows), so the 10M-row
 * stream is aggregated once and never materialized.
 * $2 = first local day read (window start), $3 = as-of.
 */
export const STICKINESS_SQL = `
WITH active_days AS (
  SELECT user_id, date_trunc('week', ts::date::timestamp)::date AS week, ts::date AS day
  FROM events
  WHERE dataset_id = $1 AND ts >= $2::date::timestamptz AND ts < $3::timestamptz
    AND ($4::text IS NULL OR event_name = $4::text)
  GROUP BY 1, 2, 3
),
sequenced AS (
  SELECT day, week,
         lag(day) OVER by_user AS previous_day,
         lead(day) OVER by_user AS next_day,
         count(*) OVER (PARTITION BY user_id, week ORDER BY day) AS week_days_so_far
  FROM active_days
  WINDOW by_user AS (PARTITION BY user_id ORDER BY week, day)
),
per_day AS (
  SELECT day,
         CASE WHEN next_day IS NULL OR next_day >= week + 7 THEN week_days_so_far END AS week_days_if_last,
         count(*) AS dau,
         count(*) FILTER (WHERE previous_day IS NULL OR day - previous_day >= ${WAU_DAYS}) AS wau_in,
         count(*) FILTER (WHERE previous_day IS NULL OR day - previous_day >= ${MAU_DAYS}) AS mau_in,
         count(*) FILTER (WHERE next_day IS NULL OR next_day - day >= ${WAU_DAYS}) AS wau_out_after,
         count(*) FILTER (WHERE next_day IS NULL OR next_day - day >= ${MAU_DAYS}) AS mau_out_after
  FROM sequenced
  GROUP BY 1, 2
),
deltas AS (
  SELECT day AS at, dau, wau_in AS wau, mau_in AS mau FROM per_day
  UNION ALL
  SELECT day + ${WAU_DAYS}, 0, -wau_out_after, 0 FROM per_day
  UNION ALL
  SELECT day + ${MAU_DAYS}, 0, 0, -mau_out_after FROM per_day
),
daily AS (
  SELECT at, sum(dau) AS dau, sum(sum(wau)) OVER (ORDER BY at) AS wau, sum(sum(mau)) OVER (ORDER BY at) AS mau
  FROM deltas
  GROUP BY at
)
SELECT 'day' AS kind, at::text AS day, dau::int AS a, wau::int AS b, mau::int AS c FROM daily WHERE at <= $7::date
UNION ALL
SELECT 'week', date_trunc('week', day::timestamp)::date::text, week_days_if_last::int, sum(dau)::int, 0
FROM per_day
WHERE week_days_if_last IS NOT NULL AND day >= $5::date AND day <= $6::date
GROUP BY 2, 3
ORDER BY 1, 2, 3`;

interface StickinessSqlRow {
  kind: "day" | "week";
  day: string;
  a: number;
  b: number;
  c: number;
}

/** Raw rows (see STICKINESS_SQL), inside one transaction with the dataset timezone. */
export async function queryStickinessCounts(
  db: Db,
  params: { datasetId: number; timezone: string; asOf: Date; activityEvent: string | null; days: number; weeks: number },
): Promise<{ asOfDay: string; changes: StickinessChangeRow[]; activeDays: ActiveDaysRow[]; window: ReturnType<typeof stickinessWindow> }> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('TimeZone', $1, true)`, [params.timezone]);
    const [day] = await tx.query<{ as_of_day: string }>(
      `SELECT (($1::timestamptz - interval '1 millisecond') AT TIME ZONE $2::text)::date::text AS as_of_day`,
      [params.asOf, params.timezone],
    );
    const asOfDay = day!.as_of_day;
    const window = stickinessWindow(asOfDay, params.days, params.weeks);
    const rows = await tx.query<StickinessSqlRow>(STICKINESS_SQL, [
      params.datasetId,
      window.queryFrom,
      params.asOf,
      params.activityEvent,
      window.weekFrom,
      window.weekTo,
      asOfDay,
    ]);
    const changes: StickinessChangeRow[] = [];
    const activeDays: ActiveDaysRow[] = [];
    for (const row of rows) {
      if (row.kind === "day") changes.push({ day: row.day, dau: Number(row.a), wau: Number(row.b), mau: Number(row.c) });
      else activeDays.push({ week: row.day, activeDays: Number(row.a), users: Number(row.b) });
    }
    return { asOfDay, changes, activeDays, window };
  });
}

/** From the in-memory activity rollup when it can answer (any event or purchases, a local-midnight as-of), else from the events. */
async function stickinessCounts(db: Db, dataset: ActivityDataset, asOf: Date, activityEvent: string | null, query: StickinessQuery) {
  if (!activityRollupAnswers(asOf, activityEvent, dataset.timezone)) {
    return queryStickinessCounts(db, { datasetId: dataset.id, timezone: dataset.timezone, asOf, activityEvent, days: query.days, weeks: query.weeks });
  }
  const day = asOfDay(asOf, dataset.timezone);
  const window = stickinessWindow(day, query.days, query.weeks);
  const counts = stickinessFromActivity(await getActivityStore(db, dataset.id), {
    lastDay: epochDay(day),
    purchasesOnly: activityEvent !== null,
    queryFrom: window.queryFrom,
    weekFrom: window.weekFrom,
    weekTo: window.weekTo,
  });
  return { asOfDay: day, window, ...counts };
}

/**
 * DAU, WAU, MAU and DAU/MAU for the last `days` days, and the active-days-per-week
 * distribution over the last `weeks` full weeks. as-of as in lifecycle and
 * retention. Cached per dataset + parameters until the dataset's data changes.
 */
export async function getStickiness(db: Db, datasetName: string, query: StickinessQuery): Promise<StickinessResult> {
  const dataset = await readActivityDataset(db, datasetName);
  const activityEvent = resolveActivityEvent(dataset, query.event);
  return cachedAnalysis(db, dataset.id, "stickiness", { ...query, activityEvent }, async () => {
    const asOf = await resolveActivityAsOf(db, dataset, query.asOf);
    let asOfDay: string | null = null;
    let daily: StickinessResult["daily"] = [];
    let activeDaysPerWeek: StickinessResult["activeDaysPerWeek"] = buildActiveDaysPerWeek([], "", "");
    if (asOf) {
      const counts = await stickinessCounts(db, dataset, asOf, activityEvent, query);
      asOfDay = counts.asOfDay;
      daily = buildDaily(counts.changes, counts.window.displayFrom, asOfDay);
      activeDaysPerWeek = buildActiveDaysPerWeek(counts.activeDays, counts.window.weekFrom, counts.window.weekTo);
    }
    return stickinessResultSchema.parse({
      dataset: datasetName,
      timezone: dataset.timezone,
      kind: dataset.kind,
      days: query.days,
      weeks: query.weeks,
      activityEvent,
      asOf: asOf ? asOf.toISOString() : null,
      asOfDay,
      definition: describeStickiness({ timezone: dataset.timezone, activityEvent }),
      daily,
      activeDaysPerWeek,
    });
  });
}
