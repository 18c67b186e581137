import type { UserStepEvents } from "./funnel-math";
import type { FunnelOrder, FunnelStep } from "./funnel.types";

/** How the SQL labels each user's series: not at all, by a user_groups temp table, or by first-seen period. */
export type FunnelSeriesSource = { kind: "none" } | { kind: "groups"; everyoneElseIndex: number } | { kind: "cohort"; unit: "week" | "month" };

export interface FunnelSql {
  text: string;
  params: unknown[];
}

/** One CASE per step, OR-ed: bit k = the event qualifies for step k+1. Names and filters are bound through `bind`. */
function stepMaskSql(steps: readonly FunnelStep[], bind: (value: unknown) => string): string {
  const maskTerms = steps.map((step, index) => {
    const eventMatch = `event_name = ${bind(step.event)}::text`;
    const condition = step.filter
      ? `${eventMatch} AND properties ->> ${bind(step.filter.property)}::text = ${bind(step.filter.equals)}::text`
      : eventMatch;
    return `CASE WHEN ${condition} THEN ${1 << index} ELSE 0 END`;
  });
  return `(${maskTerms.join(" | ")})`;
}

function parameterList(initial: unknown[]): { params: unknown[]; bind: (value: unknown) => string } {
  const params = [...initial];
  return {
    params,
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/**
 * One output row = one user who did step 1 at least once, with
 * - steps: that user's step events as "mask,epochMs,seq" joined by ";", in no particular order
 *   (readStepEvents sorts them: an ORDER BY inside the aggregate costs PostgreSQL 15 a sort per
 *   user). mask bit k = the event qualifies for step k+1 (an event may qualify for several);
 *   seq (strict order only, else 0) = the event's position among all of the user's events in
 *   (ts, mask) order, so consecutive seqs mean nothing happened in between.
 * - series: the breakdown series key as text (group index, or the first-seen period's first
 *   local day YYYY-MM-DD), '' without a breakdown.
 *
 * Per-user text rather than arrays or one row per event: the driver parses a text column far
 * faster than an int8[] and there is one row per user. Matching happens in funnel-math.ts.
 * Local dates need the session TimeZone set to the dataset timezone (the caller's transaction).
 * Steps' names and property filters are bound parameters; only generated placeholders and bit
 * values are written into the text. Any order reads step events only; strict order must number
 * every event of the user (a window over all of the dataset's events: slower).
 *
 * Used for strict order and for first-seen cohort breakdowns (which need each user's first event
 * of any kind); any other any-order funnel reads buildStepEventsSql's rows instead.
 */
export function buildFunnelSql(datasetId: number, steps: readonly FunnelStep[], order: FunnelOrder, series: FunnelSeriesSource): FunnelSql {
  const { params, bind } = parameterList([datasetId, order === "strict", [...new Set(steps.map((step) => step.event))]]);
  const mask = stepMaskSql(steps, bind);
  let seriesSelect = `''`;
  let seriesJoin = "";
  if (series.kind === "groups") {
    seriesSelect = `coalesce(g.group_index, ${bind(series.everyoneElseIndex)}::int)::text`;
    seriesJoin = "LEFT JOIN user_groups g ON g.user_id = p.user_id";
  } else if (series.kind === "cohort") {
    // First-seen over all of the user's events (one index probe per user on (dataset_id, user_id, ts)).
    seriesSelect = `date_trunc(${bind(series.unit)}::text, first_seen.ts::date::timestamp)::date::text`;
    seriesJoin = `CROSS JOIN LATERAL (SELECT min(e.ts) AS ts FROM events e WHERE e.dataset_id = $1 AND e.user_id = p.user_id) first_seen`;
  }
  const numbered =
    order === "strict"
      ? `SELECT user_id, ts, mask, row_number() OVER (PARTITION BY user_id ORDER BY ts, mask) AS seq FROM scoped`
      : `SELECT user_id, ts, mask, 0 AS seq FROM scoped`;
  const text = `
WITH scoped AS (
  SELECT user_id, ts, ${mask} AS mask
  FROM events
  WHERE dataset_id = $1 AND ($2::boolean OR event_name = ANY($3::text[]))
),
numbered AS (${numbered}),
per_user AS (
  -- date_part (double) rather than extract (numeric): far cheaper, and exact to the millisecond after round().
  SELECT user_id,
         string_agg(mask::text || ',' || round(date_part('epoch', ts) * 1000)::bigint::text || ',' || seq::text, ';') AS steps
  FROM numbered
  WHERE mask <> 0
  GROUP BY user_id
  HAVING bool_or(mask & 1 = 1)
)
SELECT p.user_id, p.steps, ${seriesSelect} AS series
FROM per_user p
${seriesJoin}`;
  return { text, params };
}

/**
 * The any-order funnel's step events, one row per event: user_id, t (epoch
 * ms) and mask (as in buildFunnelSql). Grouping by user is left to Node
 * (groupStepEvents): on 800k step events PostgreSQL's sort by user id or
 * string_agg per user costs more than the index-only read of the events
 * themselves (events_dataset_id_event_name_ts_idx).
 */
export function buildStepEventsSql(datasetId: number, steps: readonly FunnelStep[]): FunnelSql {
  const { params, bind } = parameterList([datasetId, [...new Set(steps.map((step) => step.event))]]);
  const mask = stepMaskSql(steps, bind);
  const text = `
SELECT user_id, round(date_part('epoch', ts) * 1000) AS t, mask
FROM (SELECT user_id, ts, ${mask} AS mask FROM events WHERE dataset_id = $1 AND event_name = ANY($2::text[])) scoped
WHERE mask <> 0`;
  return { text, params };
}

const COMMA = 44;
const SEMICOLON = 59;
const ZERO = 48;

/**
 * Reads one user's `steps` text (see buildFunnelSql) into `events`. A digit loop rather than
 * split/Number: this runs once per step event (millions), and it is 10× faster.
 */
export function readStepEvents(text: string, events: UserStepEvents): void {
  events.clear();
  const fields = [0, 0, 0];
  let field = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : SEMICOLON;
    if (code === COMMA || code === SEMICOLON) {
      fields[field] = value;
      value = 0;
      field += 1;
      if (code === SEMICOLON) {
        events.push(fields[0]!, fields[1]!, fields[2]!);
        field = 0;
      }
    } else {
      value = value * 10 + (code - ZERO);
    }
  }
  events.sortByTime();
}
