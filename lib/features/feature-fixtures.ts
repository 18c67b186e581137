import type { Queryable } from "../db/db";

/**
 * Helpers for feature tests: create a dataset and insert hand-written events
 * straight into the events table (no ingest), then read user_features back.
 */

export interface FixtureDataset {
  name: string;
  timezone?: string;
  sessionTimeoutMinutes?: number;
  signupEvent?: string | null;
  conversionEvent?: string | null;
  cancelEvent?: string | null;
  /** Default "onboarded". */
  activationEvent?: string | null;
  coreFeatures?: string[];
  dimensions?: string[];
  kind?: "events" | "transactions";
}

export async function createFixtureDataset(db: Queryable, dataset: FixtureDataset): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO datasets (name, timezone, session_timeout_minutes, signup_event, conversion_event, cancel_event, core_features, dimensions, kind, activation_event)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      dataset.name,
      dataset.timezone ?? "UTC",
      dataset.sessionTimeoutMinutes ?? 30,
      dataset.signupEvent === undefined ? "signup" : dataset.signupEvent,
      dataset.conversionEvent === undefined ? "upgrade" : dataset.conversionEvent,
      dataset.cancelEvent === undefined ? "cancel" : dataset.cancelEvent,
      dataset.coreFeatures ?? [],
      dataset.dimensions ?? [],
      dataset.kind ?? "events",
      dataset.activationEvent === undefined ? "onboarded" : dataset.activationEvent,
    ],
  );
  return row!.id;
}

export interface FixtureEvent {
  user: string;
  name: string;
  /** ISO-8601 with offset, e.g. "2026-03-31T10:00:00Z". */
  ts: string;
  revenue?: number;
  props?: Record<string, string | number>;
  /** Ingest job id; default 1. */
  job?: number;
  /** Dedupe key; default `${user}-${index in the call}`. */
  key?: string;
}

export async function insertFixtureEvents(db: Queryable, datasetId: number, events: readonly FixtureEvent[], keyPrefix = ""): Promise<void> {
  for (let start = 0; start < events.length; start += 500) {
    const batch = events.slice(start, start + 500);
    const values: string[] = [];
    const params: unknown[] = [datasetId];
    batch.forEach((event, i) => {
      const at = params.length;
      values.push(`($1, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::timestamptz, $${at + 5}::float8, $${at + 6}::jsonb, $${at + 7}::int)`);
      params.push(
        event.key ?? `${keyPrefix}${event.user}-${start + i}`,
        event.user,
        event.name,
        event.ts,
        event.revenue ?? null,
        JSON.stringify(event.props ?? {}),
        event.job ?? 1,
      );
    });
    await db.query(
      `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, revenue, properties, job_id) VALUES ${values.join(", ")}`,
      params,
    );
  }
}

export interface FeatureRow {
  user_id: string;
  as_of: string;
  first_seen: string;
  last_seen: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  sessions_total: number;
  sessions_7d: number;
  sessions_30d: number;
  sessions_per_week: number;
  active_days_7d: number;
  active_days_30d: number;
  active_days_90d: number;
  weeks_active_12: number;
  events_per_active_week: number;
  core_features_used: number;
  converted: boolean;
  converted_at: string | null;
  days_to_convert: number | null;
  conversion_path_depth: number | null;
  cancelled: boolean;
  activity_30d_vs_baseline: number | null;
  channel: string | null;
  plan: string | null;
  country: string | null;
  signup_at: string | null;
  activated_at: string | null;
  return_gap_days_30d: number | null;
  retained: boolean | null;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

/** All feature rows of a dataset by user, timestamps as ISO-8601 UTC strings (engine-independent). */
export async function readFeatures(db: Queryable, datasetId: number): Promise<Map<string, FeatureRow>> {
  const rows = await db.query<FeatureRow>(
    `SELECT user_id, ${iso("as_of")}, ${iso("first_seen")}, ${iso("last_seen")}, recency_days, frequency, monetary,
            sessions_total, sessions_7d, sessions_30d, sessions_per_week, active_days_7d, active_days_30d, active_days_90d,
            weeks_active_12, events_per_active_week, core_features_used, converted, ${iso("converted_at")}, days_to_convert,
            conversion_path_depth, cancelled, activity_30d_vs_baseline, channel, plan, country, ${iso("signup_at")},
            ${iso("activated_at")}, return_gap_days_30d, retained
     FROM user_features WHERE dataset_id = $1 ORDER BY user_id`,
    [datasetId],
  );
  return new Map(rows.map((row) => [row.user_id, row]));
}

export interface ProfileRow {
  user_id: string;
  first_seen: string;
  last_seen: string;
  signup_at: string | null;
  traits: Record<string, string>;
}

export async function readProfiles(db: Queryable, datasetId: number): Promise<Map<string, ProfileRow>> {
  const rows = await db.query<ProfileRow>(
    `SELECT user_id, ${iso("first_seen")}, ${iso("last_seen")}, ${iso("signup_at")}, traits
     FROM user_profiles WHERE dataset_id = $1 ORDER BY user_id`,
    [datasetId],
  );
  return new Map(rows.map((row) => [row.user_id, row]));
}
