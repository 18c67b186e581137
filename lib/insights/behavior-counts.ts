import type { Queryable } from "../db/db";

/**
 * Early-behavior tallies for the eligible users of a dataset, in one
 * statement (one pass over `events`).
 *
 * Eligible user: has a `user_features` row and was first seen on a local
 * day ≤ as-of day − W (W = the outcome window, default 28: Day-W retention is
 * only known W days after the first-seen day). First D days = local days
 * first_day … first_day + D − 1 in the dataset timezone (session TimeZone,
 * set by the caller as for the feature refresh).
 *
 * One output row = one group of eligible users with the number of users and
 * how many of them were retained (active on a local day ≥ W days after the
 * first-seen day: the `retained` feature for W = 28, read from last_seen) /
 * converted (within local days 0 … W − 1) / churned (not retained, or cancelled):
 * - kind 'all': every eligible user (one row);
 * - kind 'event', name X, count c: users who did X exactly c times in their
 *   first D days (c capped at $5, so the last bucket means "≥ $5"), for the
 *   $6 event names done by the most eligible users in that window (ties by name);
 *   users who never did X are the 'all' row minus these buckets;
 * - kind 'sessions', count c: users with c sessions (capped at $5) starting in
 *   the first D days; a session starts at the first event and after each gap
 *   longer than the dataset's session timeout ($7 minutes, as the features);
 * - kind 'channel', name C: users whose `channel` feature is C ('' = none);
 * - kind 'plan', name P: users whose first event carried plan = P ('' = none):
 *   the plan at signup, since the current plan would reveal an upgrade.
 * Sums instead of per-user rows: 500k users × 30 names would be 15M values to
 * ship to Node; these tallies are all the statistics need.
 */
export const BEHAVIOR_COUNTS_SQL = `
WITH cohort AS (
  SELECT
    f.user_id,
    f.first_seen,
    f.as_of,
    f.first_seen::date AS first_day,
    -- = the \`retained\` feature when $4 = 28 (last active day − first-seen day ≥ 28)
    f.last_seen::date - f.first_seen::date >= $4::int AS retained,
    f.converted_at IS NOT NULL AND f.converted_at::date - f.first_seen::date < $4::int AS converted,
    f.last_seen::date - f.first_seen::date < $4::int OR f.cancelled AS churned,
    coalesce(f.channel, '') AS channel
  FROM user_features f
  WHERE f.dataset_id = $1::int AND f.first_seen::date <= $2::date - $4::int
),
early AS (
  -- The cohort's events in their first D local days (the one pass over events),
  -- carrying the user's outcomes so no later step joins back to the cohort,
  -- and marking session starts in the same sort by user and time. The cohort is
  -- walked in user order, so each user's events arrive together and only need
  -- sorting among themselves (an in-memory incremental sort, not a 3M-row sort
  -- spilled to disk), and the inner select keeps the sorted rows narrow (the
  -- plan is read from properties before the sort, not carried through it).
  SELECT
    user_id,
    event_name,
    retained,
    converted,
    churned,
    first_plan,
    -- 30-minute inactivity gap (dataset setting): the GA4 and Amplitude default.
    coalesce(ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts) > make_interval(mins => $7::int), true) AS session_start
  FROM (
    SELECT
      e.user_id,
      e.ts,
      e.event_name,
      c.retained,
      c.converted,
      c.churned,
      CASE WHEN e.ts = c.first_seen THEN e.properties ->> 'plan' END AS first_plan
    FROM (SELECT * FROM cohort ORDER BY user_id) c
    JOIN events e ON e.dataset_id = $1::int AND e.user_id = c.user_id
    WHERE e.ts >= c.first_seen AND e.ts < c.as_of AND e.ts::date < c.first_day + $3::int
  ) cohort_events
),
per_user_event AS (
  SELECT user_id, event_name, retained, converted, churned, count(*) AS n
  FROM early GROUP BY user_id, event_name, retained, converted, churned
),
top_names AS (
  SELECT event_name FROM per_user_event GROUP BY event_name ORDER BY count(*) DESC, event_name LIMIT $6::int
),
per_user AS (
  SELECT retained, converted, churned, count(*) FILTER (WHERE session_start) AS sessions, coalesce(max(first_plan), '') AS first_plan
  FROM early GROUP BY user_id, retained, converted, churned
),
groups AS (
  SELECT 'all' AS kind, '' AS name, 0 AS bucket, retained, converted, churned FROM cohort
  UNION ALL
  SELECT 'event', event_name, least(n, $5::int), retained, converted, churned FROM per_user_event JOIN top_names USING (event_name)
  UNION ALL
  SELECT 'sessions', '', least(sessions, $5::int), retained, converted, churned FROM per_user
  UNION ALL
  SELECT 'channel', channel, 0, retained, converted, churned FROM cohort
  UNION ALL
  SELECT 'plan', first_plan, 0, retained, converted, churned FROM per_user
)
SELECT
  kind,
  name,
  bucket::int AS bucket,
  count(*)::int AS users,
  count(*) FILTER (WHERE retained)::int AS retained,
  count(*) FILTER (WHERE converted)::int AS converted,
  count(*) FILTER (WHERE churned)::int AS churned
FROM groups
GROUP BY kind, name, bucket
ORDER BY kind, name, bucket`;

export interface OutcomeTally {
  users: number;
  retained: number;
  converted: number;
  churned: number;
}

export interface BehaviorCountRow extends OutcomeTally {
  kind: "all" | "event" | "sessions" | "channel" | "plan";
  name: string;
  bucket: number;
}

export interface BehaviorCountParams {
  datasetId: number;
  /** Local date (YYYY-MM-DD) of the features' as-of − 1 ms. */
  asOfDay: string;
  days: number;
  outcomeWindowDays: number;
  /** Counts are capped here: the last bucket holds "≥ maxCount". */
  maxCount: number;
  topEvents: number;
  sessionTimeoutMinutes: number;
}

/** Runs BEHAVIOR_COUNTS_SQL; the caller has set the session TimeZone to the dataset's in this transaction. */
export async function queryBehaviorCounts(tx: Queryable, params: BehaviorCountParams): Promise<BehaviorCountRow[]> {
  const rows = await tx.query<BehaviorCountRow>(BEHAVIOR_COUNTS_SQL, [
    params.datasetId,
    params.asOfDay,
    params.days,
    params.outcomeWindowDays,
    params.maxCount,
    params.topEvents,
    params.sessionTimeoutMinutes,
  ]);
  return rows.map((row) => ({
    kind: row.kind,
    name: row.name,
    bucket: Number(row.bucket),
    users: Number(row.users),
    retained: Number(row.retained),
    converted: Number(row.converted),
    churned: Number(row.churned),
  }));
}
