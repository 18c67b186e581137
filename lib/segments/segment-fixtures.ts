import type { Queryable } from "../db/db";

/**
 * Helpers for segments tests: a dataset whose user_features rows are written
 * by hand (no events, no feature SQL), so every expected size can be worked
 * out on paper, plus the feature_refreshes row that makes them current.
 */

/** 2026-06-30T00:00:00Z: the fixtures' as-of instant (exclusive); the as-of day is 2026-06-29 (UTC). */
export const FIXTURE_AS_OF = new Date("2026-06-30T00:00:00.000Z");
const DAY_MS = 86_400_000;

/** Noon UTC, `days` days before the as-of day: such a user's ageDays is `days`. */
export function daysBeforeAsOfDay(days: number): Date {
  return new Date(FIXTURE_AS_OF.getTime() - DAY_MS - days * DAY_MS + DAY_MS / 2);
}

export interface FixtureUser {
  userId: string;
  /** Days before the as-of day the user was first seen (default 100). */
  ageDays?: number;
  recencyDays?: number;
  frequency?: number;
  monetary?: number;
  sessionsTotal?: number;
  sessionsPerWeek?: number;
  activeDays30d?: number;
  coreFeaturesUsed?: number;
  converted?: boolean;
  cancelled?: boolean;
  activity30dVsBaseline?: number | null;
  channel?: string | null;
  plan?: string | null;
  country?: string | null;
}

export async function createFeatureDataset(db: Queryable, name: string, timezone = "UTC"): Promise<number> {
  const [row] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone) VALUES ($1, $2) RETURNING id`, [name, timezone]);
  return row!.id;
}

/** Writes one user_features row per user (columns not named: zero usage, not converted, no dimensions). */
export async function insertFeatureRows(db: Queryable, datasetId: number, users: readonly FixtureUser[]): Promise<void> {
  for (const user of users) {
    const firstSeen = daysBeforeAsOfDay(user.ageDays ?? 100);
    const recency = user.recencyDays ?? 0;
    const lastSeen = daysBeforeAsOfDay(recency);
    await db.query(
      `INSERT INTO user_features (dataset_id, user_id, as_of, first_seen, last_seen, recency_days, frequency, monetary,
         sessions_total, sessions_7d, sessions_30d, sessions_per_week, active_days_7d, active_days_30d, active_days_90d,
         weeks_active_12, events_per_active_week, core_features_used, converted, cancelled, activity_30d_vs_baseline,
         channel, plan, country)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0, $10, 0, $11, 0, 0, 0, $12, $13, $14, $15, $16, $17, $18)`,
      [
        datasetId,
        user.userId,
        FIXTURE_AS_OF,
        firstSeen,
        lastSeen,
        recency,
        user.frequency ?? 0,
        user.monetary ?? 0,
        user.sessionsTotal ?? 10,
        user.sessionsPerWeek ?? 0,
        user.activeDays30d ?? 0,
        user.coreFeaturesUsed ?? 0,
        user.converted ?? false,
        user.cancelled ?? false,
        user.activity30dVsBaseline ?? null,
        user.channel ?? null,
        user.plan ?? null,
        user.country ?? null,
      ],
    );
  }
}

/** Records a feature refresh (as a refresh run would), making the rows above the dataset's current features. */
export async function recordRefresh(db: Queryable, datasetId: number, options: { lastJobId?: number } = {}): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO feature_refreshes (dataset_id, mode, as_of, last_job_id, users, duration_ms)
     VALUES ($1, 'full', $2, $3, (SELECT count(*)::int FROM user_features WHERE dataset_id = $1), 0) RETURNING id`,
    [datasetId, FIXTURE_AS_OF, options.lastJobId ?? 0],
  );
  return row!.id;
}
