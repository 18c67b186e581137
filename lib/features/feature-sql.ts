/**
 * # Per-user behaviour features (the `user_features` table)
 *
 * One output row = one user of one dataset at one as-of, described by that
 * user's events with ts < as-of. A user without such an event has no row.
 * The same definitions, one line per column for the UI's info tooltips, are
 * exported below as FEATURE_DEFINITIONS.
 *
 * ## Conventions
 * - **as-of**: exclusive upper bound; only events with `ts < as_of` count.
 *   Default: the end of the local day (dataset timezone) of the dataset's last
 *   event, i.e. the local midnight after it (as-of.ts).
 * - **Local day**: calendar date in the dataset timezone (`datasets.timezone`,
 *   IANA), i.e. `(ts AT TIME ZONE tz)::date`. **as-of day** = local date of
 *   as-of − 1 ms (the last day that counts; for the default as-of, the day of
 *   the last event).
 * - **Last N days**: the N local days ending with the as-of day
 *   (as_of_day − (N−1) … as_of_day), e.g. last 7 days = as_of_day−6 … as_of_day.
 * - **Session**: a user's events in time order; a session starts at the
 *   user's first event and at every event more than
 *   `datasets.session_timeout_minutes` (default 30, the GA4 and Amplitude
 *   default) after the user's previous event. A gap of exactly the timeout
 *   continues the session. A session counts on the local day it starts.
 * - Events at the same instant: order among them never changes a count; for
 *   "latest value" rules the largest value among them wins.
 *
 * ## Columns
 * - first_seen / last_seen: time of the user's first / last event before as-of.
 * - recency_days: as_of_day − local day of last_seen (0 = active on the as-of day).
 * - frequency: number of events; for datasets of kind 'transactions' only
 *   events named 'purchase' (the event the transactions format writes).
 * - monetary: sum of `revenue` over the user's events (0 when none).
 * - sessions_total: sessions started before as-of.
 * - sessions_7d / sessions_30d: sessions started in the last 7 / 30 days.
 * - sessions_per_week: sessions_total / max(1, lifetime days / 7), where
 *   lifetime days = local days from the first_seen day to the as-of day, both
 *   included (first seen on the as-of day → 1 day → the 1-week minimum).
 * - active_days_7d / _30d / _90d: distinct local days with any event in the
 *   last 7 / 30 / 90 days.
 * - weeks_active_12: of the 12 consecutive 7-day blocks ending with the as-of
 *   day (block k = as_of_day − 7k − 6 … as_of_day − 7k, k = 0…11), how many
 *   contain an event of the user (0–12). Rolling blocks, not Monday weeks, so
 *   the current block is always a full 7 days.
 * - events_per_active_week: events in those 12 blocks (the last 84 days) /
 *   weeks_active_12; 0 when weeks_active_12 = 0.
 * - core_features_used: number of distinct `datasets.core_features` event
 *   names the user ever did (before as-of).
 * - converted: the user has an event named `datasets.conversion_event`
 *   (false when the dataset names none); converted_at: the first one's time.
 * - days_to_convert: (converted_at − signup_at, or − first_seen without a
 *   signup) in days (fractional; 86,400 s = 1 day); NULL when not converted.
 *   Negative when the signup event comes after the conversion.
 * - conversion_path_depth: number of distinct event names the user did
 *   strictly before converted_at (so never the conversion event itself, nor
 *   an event at the same instant); NULL when not converted.
 * - cancelled: the user has an event named `datasets.cancel_event`.
 * - activity_30d_vs_baseline: (events in the last 30 days / 30) ÷ (events
 *   before those 30 days / local days from the first_seen day to
 *   as_of_day − 30, both included). NULL when the user has no earlier
 *   history (first seen within the last 30 days). 1 = as active as before;
 *   0 = silent lately; 2 = twice as active.
 * - channel / plan / country: the value of the event property with exactly
 *   that name on the user's latest event before as-of where it is present
 *   and not empty; NULL when no such event. (Ingest copies profile traits
 *   from identify calls and user_properties onto the events, so those count.)
 * - signup_at: time of the first event named `datasets.signup_event`; NULL
 *   when there is none (or the dataset names no signup event).
 * - activated_at: time of the first event named `datasets.activation_event`;
 *   NULL when there is none (or the dataset names no activation event).
 * - return_gap_days_30d: how long the user was away before coming back
 *   lately. For every active local day d in the last 30 days that has an
 *   earlier active day, the gap is the number of local days strictly between
 *   d and the user's previous active day (d − previous − 1; consecutive days
 *   → 0); the column is the largest such gap, 0 when there is none (no active
 *   day in the last 30 days, or only the first-seen day). The gap may start
 *   before the 30 days: away 45 days, back 5 days ago → 45.
 * - retained: the user was active on a local day at least 28 days after the
 *   first-seen day (last active day − first-seen day ≥ 28): unbounded Day-28
 *   retention on calendar days in the dataset timezone (metric-conventions:
 *   "active in period N or any later period"). False for users first seen in
 *   the last 28 days: they cannot be retained yet.
 *
 * ## user_profiles (written by the same statement)
 * first_seen, last_seen, signup_at as above; `traits` = the latest value
 * (same rule as channel) of each property named 'channel', 'plan',
 * 'country' or in `datasets.dimensions`, as text. Profiles only move forward:
 * an existing profile keeps the earlier first_seen/signup_at and the later
 * last_seen, and the trait values of the more recent side win, so a refresh
 * at an earlier as-of never rewinds a profile.
 *
 * ## Pipeline (one statement)
 * scoped (events in scope before as-of, narrowed) → timeline (one sort by
 * user and time; LAG marks session and day starts and the gap before each
 * active day) → per_user (one aggregate row per user) → users (+ trait
 * values: one index lookup per user) → INSERT user_features (+ conversion
 * path depth: one index scan per converted user) and UPSERT user_profiles.
 */

export interface FeatureDefinition {
  column: string;
  label: string;
  definition: string;
}

/** One line per user_features column, for the UI (same words as the doc comment above). */
export const FEATURE_DEFINITIONS: readonly FeatureDefinition[] = [
  { column: "as_of", label: "As of", definition: "Only events before this instant count. Default: the local midnight after the dataset's last event." },
  { column: "first_seen", label: "First seen", definition: "Time of the user's first event before the as-of." },
  { column: "last_seen", label: "Last seen", definition: "Time of the user's last event before the as-of." },
  { column: "recency_days", label: "Recency (days)", definition: "Local days between the last active day and the as-of day; 0 = active on the as-of day." },
  { column: "frequency", label: "Frequency", definition: "Number of events (transaction datasets: number of purchases)." },
  { column: "monetary", label: "Monetary", definition: "Sum of revenue over the user's events." },
  { column: "sessions_total", label: "Sessions", definition: "Sessions started before the as-of; a session ends after more than the session timeout (default 30 min, as GA4 and Amplitude) without events." },
  { column: "sessions_7d", label: "Sessions, last 7 days", definition: "Sessions started in the 7 local days ending with the as-of day." },
  { column: "sessions_30d", label: "Sessions, last 30 days", definition: "Sessions started in the 30 local days ending with the as-of day." },
  { column: "sessions_per_week", label: "Sessions per week", definition: "Sessions ÷ weeks from the first-seen day to the as-of day (both included), at least 1 week." },
  { column: "active_days_7d", label: "Active days, last 7", definition: "Distinct local days with any event among the 7 ending with the as-of day." },
  { column: "active_days_30d", label: "Active days, last 30", definition: "Distinct local days with any event among the 30 ending with the as-of day." },
  { column: "active_days_90d", label: "Active days, last 90", definition: "Distinct local days with any event among the 90 ending with the as-of day." },
  { column: "weeks_active_12", label: "Active weeks of 12", definition: "Of the 12 seven-day blocks ending with the as-of day, how many have an event." },
  { column: "events_per_active_week", label: "Events per active week", definition: "Events in those 12 blocks ÷ active blocks; 0 when none." },
  { column: "core_features_used", label: "Core features used", definition: "Distinct core-feature events the user ever did." },
  { column: "converted", label: "Converted", definition: "The user did the conversion event." },
  { column: "converted_at", label: "Converted at", definition: "Time of the first conversion event." },
  { column: "days_to_convert", label: "Days to convert", definition: "Days from signup (or first seen, without a signup event) to the first conversion, with fractions." },
  { column: "conversion_path_depth", label: "Conversion path depth", definition: "Distinct events the user did strictly before the first conversion." },
  { column: "cancelled", label: "Cancelled", definition: "The user did the cancellation event." },
  { column: "activity_30d_vs_baseline", label: "Activity vs. baseline", definition: "Events per day in the last 30 days ÷ events per day before them (from the first-seen day); empty for users first seen in the last 30 days." },
  { column: "channel", label: "Channel", definition: "Latest non-empty 'channel' property before the as-of." },
  { column: "plan", label: "Plan", definition: "Latest non-empty 'plan' property before the as-of." },
  { column: "country", label: "Country", definition: "Latest non-empty 'country' property before the as-of." },
  { column: "signup_at", label: "Signed up at", definition: "Time of the first signup event; empty when there is none." },
  { column: "activated_at", label: "Activated at", definition: "Time of the first activation event; empty when there is none." },
  { column: "return_gap_days_30d", label: "Return gap (days)", definition: "Longest run of inactive local days that ended with a return to activity in the last 30 days; 0 when none." },
  { column: "retained", label: "Retained (Day 28)", definition: "Active again on a local day 28 or more days after the first-seen day (unbounded Day-28 retention); no for users first seen less than 28 days ago." },
];

/** Counted as frequency in datasets of kind 'transactions': the event name the transactions ingest format writes. */
export const PURCHASE_EVENT = "purchase";

/** Values bound to the feature statement (see featureParams for their positions). */
export interface FeatureSqlParams {
  datasetId: number;
  asOf: Date;
  /** YYYY-MM-DD: local date of asOf − 1 ms. */
  asOfDay: string;
  /** IANA zone; the statement reads it from the session TimeZone (see featureRefreshSql). */
  timezone: string;
  sessionTimeoutMinutes: number;
  signupEvent: string | null;
  conversionEvent: string | null;
  cancelEvent: string | null;
  activationEvent: string | null;
  /** ≤ 63 distinct names (a bigint bit per feature). */
  coreFeatures: readonly string[];
  /** Only events of this name count towards `frequency`; null = all events. */
  frequencyEvent: string | null;
  /** Property names copied into profile traits; the first three are channel, plan, country. */
  traitKeys: readonly string[];
}

export const FIXED_TRAIT_KEYS = ["channel", "plan", "country"] as const;
export const MAX_CORE_FEATURES = 63;
export const MAX_TRAIT_KEYS = 32;
const TRAIT_KEYS_FROM = 11;

/** Which users a statement recomputes: the whole dataset, or those listed in the temp table `feature_refresh_users`. */
export type FeatureScope = "dataset" | "listed_users";

export const REFRESH_USERS_TABLE = "feature_refresh_users";

/** $1 dataset, $2 as-of, $3 as-of day, $4 session timeout, $5 signup, $6 conversion, $7 cancel, $8 core features, $9 frequency event, $10 activation, $11… trait keys. */
export function featureParams(params: FeatureSqlParams): unknown[] {
  return [
    params.datasetId,
    params.asOf,
    params.asOfDay,
    params.sessionTimeoutMinutes,
    params.signupEvent,
    params.conversionEvent,
    params.cancelEvent,
    [...params.coreFeatures],
    params.frequencyEvent,
    params.activationEvent,
    ...params.traitKeys,
  ];
}

/** The table the statement writes feature rows into when not told otherwise. */
export const USER_FEATURES_TABLE = "user_features";

export interface FeatureTarget {
  /**
   * Table the feature rows go into: user_features (default), or a TEMP table
   * created `(LIKE user_features)` for features as of a past date (segment
   * snapshots), which must leave the current features and the profiles as
   * they are: user_profiles is upserted only when writing user_features.
   */
  into?: string;
}

/**
 * The statement that computes features for the users in scope, inserts them
 * into user_features (their old rows must already be deleted) and upserts
 * their user_profiles — or, with `target.into`, only inserts them into that
 * table. Returns one row `{ users }` = feature rows written.
 *
 * Local days are `ts::date` in the session TimeZone, so the caller must first
 * run `SELECT set_config('TimeZone', <dataset timezone>, true)` in the same
 * transaction (PostgreSQL resolves a zone name per row with AT TIME ZONE,
 * which made that one expression ~40% of a 10M-event refresh).
 *
 * Only the number of trait keys and the scope shape the text; every value is
 * a bound parameter.
 */
export function featureRefreshSql(scope: FeatureScope, traitKeyCount: number, target: FeatureTarget = {}): string {
  if (!Number.isInteger(traitKeyCount) || traitKeyCount < FIXED_TRAIT_KEYS.length || traitKeyCount > MAX_TRAIT_KEYS) {
    throw new RangeError(`traitKeyCount must be ${FIXED_TRAIT_KEYS.length}..${MAX_TRAIT_KEYS}, got ${traitKeyCount}`);
  }
  const keys = Array.from({ length: traitKeyCount }, (_, i) => i + 1);
  const key = (k: number) => `$${TRAIT_KEYS_FROM + k - 1}::text`;
  const list = (render: (k: number) => string, separator = ",\n") => keys.map(render).join(separator);
  // Listed users: one (dataset_id, user_id, ts) index range scan per user, so
  // the cost follows those users' history, not the size of the table (OFFSET 0
  // stops the planner from flattening it back into a hash join over a full scan).
  const source =
    scope === "listed_users"
      ? `(SELECT user_id FROM ${REFRESH_USERS_TABLE} ORDER BY user_id COLLATE "C") scope
  CROSS JOIN LATERAL (
    SELECT * FROM events e
    WHERE e.dataset_id = $1::int AND e.user_id = scope.user_id AND e.ts < $2::timestamptz
    OFFSET 0
  ) e`
      : "events e";
  const into = target.into ?? USER_FEATURES_TABLE;
  if (!/^[a-z_][a-z0-9_]*$/.test(into)) throw new RangeError(`Not a plain table name: ${JSON.stringify(into)}`);
  const writesProfiles = into === USER_FEATURES_TABLE;

  // Features as of another date (into a temp table) leave the profiles alone:
  // a profile is the user's latest known state, which a snapshot must not move.
  const profilesCte = `profiles AS (
  INSERT INTO user_profiles AS old (dataset_id, user_id, first_seen, last_seen, signup_at, traits)
  SELECT $1::int, user_id, first_seen, last_seen, signup_at,
         jsonb_strip_nulls(jsonb_build_object(${list((k) => `${key(k)}, trait_${k}`, ", ")}))
  FROM users
  ON CONFLICT (dataset_id, user_id) DO UPDATE SET
    first_seen = LEAST(old.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(old.last_seen, EXCLUDED.last_seen),
    signup_at = LEAST(old.signup_at, EXCLUDED.signup_at),
    traits = CASE WHEN EXCLUDED.last_seen >= old.last_seen THEN old.traits || EXCLUDED.traits ELSE EXCLUDED.traits || old.traits END
  -- an unchanged profile is not rewritten (most of them, on a repeated refresh)
  WHERE old.first_seen > EXCLUDED.first_seen
     OR old.last_seen < EXCLUDED.last_seen
     OR old.signup_at IS DISTINCT FROM LEAST(old.signup_at, EXCLUDED.signup_at)
     OR NOT (old.traits @> EXCLUDED.traits)
  RETURNING 1
),
`;

  return `
WITH scoped AS (
  -- One row per event in scope before the as-of, reduced to the narrow
  -- columns the pipeline needs (OFFSET 0 keeps this a separate step, so the
  -- sort below carries these, not the JSON documents).
  SELECT
    -- byte order: sorting by user is ~40% cheaper than in the database's
    -- locale, and any order works for grouping
    e.user_id COLLATE "C" AS user_id,
    e.ts,
    e.ts::date AS day,
    e.revenue,
    $9::text IS NULL OR e.event_name = $9::text AS counted,
    e.event_name = $5::text AS is_signup,
    e.event_name = $6::text AS is_conversion,
    e.event_name = $7::text AS is_cancel,
    e.event_name = $10::text AS is_activation,
    array_position($8::text[], e.event_name) AS core_index,
${list((k) => `    e.properties ->> ${key(k)} <> '' AS has_trait_${k}`)}
  FROM ${source}
  WHERE e.dataset_id = $1::int AND e.ts < $2::timestamptz
  OFFSET 0
),
timeline AS (
  -- The same rows in user/time order (one sort), marking where a session and
  -- a local day start.
  SELECT
    *,
    -- 30-minute inactivity gap (dataset setting): the GA4 and Amplitude default.
    coalesce(ts - lag(ts) OVER by_time > make_interval(mins => $4::int), true) AS session_start,
    day IS DISTINCT FROM lag(day) OVER by_time AS day_start,
    -- local days without events before this one (meaningful on day starts;
    -- PostgreSQL computes the identical lag(day) calls once)
    day - lag(day) OVER by_time - 1 AS gap_days
  FROM scoped
  WINDOW by_time AS (PARTITION BY user_id ORDER BY ts)
),
per_user AS (
  -- One row per user: all counts; for traits only when each was last seen.
  SELECT
    user_id,
    min(ts) AS first_seen,
    max(ts) AS last_seen,
    min(day) AS first_day,
    max(day) AS last_day,
    count(*) AS events,
    count(*) FILTER (WHERE counted) AS frequency,
    coalesce(sum(revenue), 0) AS monetary,
    count(*) FILTER (WHERE session_start) AS sessions_total,
    count(*) FILTER (WHERE session_start AND day > $3::date - 7) AS sessions_7d,
    count(*) FILTER (WHERE session_start AND day > $3::date - 30) AS sessions_30d,
    count(*) FILTER (WHERE day_start AND day > $3::date - 7) AS active_days_7d,
    count(*) FILTER (WHERE day_start AND day > $3::date - 30) AS active_days_30d,
    count(*) FILTER (WHERE day_start AND day > $3::date - 90) AS active_days_90d,
    -- bit k set = 7-day block k (0 = the block ending on the as-of day) had an event
    coalesce(bit_count((bit_or(1 << (($3::date - day) / 7)) FILTER (WHERE day > $3::date - 84))::bit(12)), 0) AS weeks_active_12,
    count(*) FILTER (WHERE day > $3::date - 84) AS events_12w,
    count(*) FILTER (WHERE day > $3::date - 30) AS events_30d,
    -- bit i set = core feature i+1 used
    coalesce(bit_count(bit_or(1::bigint << (core_index - 1))::bit(64)), 0) AS core_features_used,
    min(ts) FILTER (WHERE is_signup) AS signup_at,
    min(ts) FILTER (WHERE is_conversion) AS converted_at,
    coalesce(bool_or(is_cancel), false) AS cancelled,
    min(ts) FILTER (WHERE is_activation) AS activated_at,
    -- NULL gap = the first-seen day, not a return
    coalesce(max(gap_days) FILTER (WHERE day_start AND day > $3::date - 30), 0) AS return_gap_days_30d,
${list((k) => `    max(ts) FILTER (WHERE has_trait_${k}) AS trait_${k}_at`)}
  FROM timeline
  GROUP BY user_id
),
users AS (
  -- Adds the trait values: one index lookup per user of the events at the
  -- instants found above (usually one: the last event carries them all);
  -- same-instant ties resolve to the largest value.
  SELECT p.*, t.*
  FROM per_user p
  LEFT JOIN LATERAL (
    SELECT
${list((k) => `      max(NULLIF(e.properties ->> ${key(k)}, '')) FILTER (WHERE e.ts = p.trait_${k}_at) AS trait_${k}`)}
    FROM events e
    WHERE e.dataset_id = $1::int AND e.user_id = p.user_id COLLATE "default"
      AND e.ts >= LEAST(${list((k) => `p.trait_${k}_at`, ", ")})
      AND e.ts <= GREATEST(${list((k) => `p.trait_${k}_at`, ", ")})
  ) t ON true
),
${writesProfiles ? profilesCte : ""}written AS (
  INSERT INTO ${into} (
    dataset_id, user_id, as_of, first_seen, last_seen, recency_days, frequency, monetary,
    sessions_total, sessions_7d, sessions_30d, sessions_per_week,
    active_days_7d, active_days_30d, active_days_90d, weeks_active_12, events_per_active_week,
    core_features_used, converted, converted_at, days_to_convert, conversion_path_depth, cancelled,
    activity_30d_vs_baseline, channel, plan, country, signup_at,
    activated_at, return_gap_days_30d, retained
  )
  SELECT
    $1::int,
    p.user_id,
    $2::timestamptz,
    p.first_seen,
    p.last_seen,
    $3::date - p.last_day,
    p.frequency,
    p.monetary,
    p.sessions_total,
    p.sessions_7d,
    p.sessions_30d,
    p.sessions_total / GREATEST(1.0, ($3::date - p.first_day + 1) / 7.0),
    p.active_days_7d,
    p.active_days_30d,
    p.active_days_90d,
    p.weeks_active_12,
    CASE WHEN p.weeks_active_12 = 0 THEN 0 ELSE p.events_12w::float8 / p.weeks_active_12 END,
    p.core_features_used,
    p.converted_at IS NOT NULL,
    p.converted_at,
    extract(epoch FROM p.converted_at - coalesce(p.signup_at, p.first_seen))::float8 / 86400,
    -- distinct event names strictly before the first conversion, read per
    -- converted user through the (dataset_id, user_id, ts) index
    CASE WHEN p.converted_at IS NOT NULL THEN (
      SELECT count(DISTINCT e.event_name)
      FROM events e
      WHERE e.dataset_id = $1::int AND e.user_id = p.user_id COLLATE "default" AND e.ts < p.converted_at
    ) END,
    p.cancelled,
    CASE WHEN p.first_day <= $3::date - 30
      THEN (p.events_30d / 30.0) / ((p.events - p.events_30d)::float8 / (($3::date - 30) - p.first_day + 1))
    END,
    p.trait_1,
    p.trait_2,
    p.trait_3,
    p.signup_at,
    p.activated_at,
    p.return_gap_days_30d,
    p.last_day - p.first_day >= 28
  FROM users p
  RETURNING 1
)
SELECT (SELECT count(*) FROM written)::int AS users, ${writesProfiles ? "(SELECT count(*) FROM profiles)" : "0"}::int AS profiles`;
}
