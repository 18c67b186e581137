// Per-user features for benchmarks, written straight into user_features with
// one seeded INSERT … SELECT generate_series (no events, no refresh pipeline):
// seconds for a million users. Shared by bench:segments and bench:slider.
import type { Db } from "../lib/db/db";

/**
 * One row per user, drawn from seeded random numbers (setseed): ages up to a
 * year, recency roughly exponential (mean 25 days), sessions/week exponential
 * (mean 2.5), 15% paying, 3% cancelled, five channels, three plans, eight countries.
 */
const BUILD_FEATURES_SQL = `
WITH base AS (
  SELECT n, floor(power(random(), 0.7) * 365)::int AS age, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
         random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12,
         random() AS r13, random() AS r14
  FROM generate_series(1, $3::int) AS n
), usage AS (
  SELECT *, least(age, floor(-ln(1 - r2) * 25)::int) AS recency, round((-ln(1 - r3) * 2.5)::numeric, 2)::float8 AS spw FROM base
), counts AS (
  SELECT *, greatest(1, floor(spw * greatest(1, (age + 1) / 7.0)))::int AS sessions_total FROM usage
), windows AS (
  SELECT *, CASE WHEN recency < 30 THEN least(sessions_total, floor(spw * 30 / 7 * r4)::int + 1) ELSE 0 END AS sessions_30d FROM counts
)
INSERT INTO user_features (dataset_id, user_id, as_of, first_seen, last_seen, recency_days, frequency, monetary, sessions_total,
  sessions_7d, sessions_30d, sessions_per_week, active_days_7d, active_days_30d, active_days_90d, weeks_active_12,
  events_per_active_week, core_features_used, converted, converted_at, days_to_convert, conversion_path_depth, cancelled,
  activity_30d_vs_baseline, channel, plan, country, signup_at)
SELECT $1, 'u' || lpad(n::text, 7, '0'), $2::timestamptz,
  $2::timestamptz - (age + 1) * interval '1 day' + r13 * interval '1 day',
  $2::timestamptz - (recency + 1) * interval '1 day' + r14 * interval '1 day',
  recency, sessions_total * (1 + floor(r6 * 5)::int), CASE WHEN r7 < 0.15 THEN round((exp(r8 * 5) * 10)::numeric, 2)::float8 ELSE 0 END,
  sessions_total, CASE WHEN recency < 7 THEN least(sessions_30d, floor(spw * r5)::int + 1) ELSE 0 END, sessions_30d, spw,
  least(7, CASE WHEN recency < 7 THEN least(sessions_30d, floor(spw * r5)::int + 1) ELSE 0 END), least(30, sessions_30d),
  least(90, least(30, sessions_30d) * 2 + (recency < 90)::int), least(12, floor(least(30, sessions_30d) * 2 / 3.0)::int + (recency < 84)::int),
  spw * 4, least(5, floor(spw * r9 * 1.5)::int),
  r7 < 0.15, CASE WHEN r7 < 0.15 THEN $2::timestamptz - (recency + 1) * interval '1 day' END,
  CASE WHEN r7 < 0.15 THEN greatest(0, age - recency)::float8 END, CASE WHEN r7 < 0.15 THEN 3 END,
  r10 < 0.03, CASE WHEN age >= 30 THEN round((r11 * 2)::numeric, 2)::float8 END,
  (ARRAY['organic', 'paid_search', 'social', 'referral', 'partner_webinar'])[1 + floor(r12 * 5)::int],
  (ARRAY['free', 'free', 'free', 'pro', 'team'])[1 + floor(r4 * 5)::int],
  (ARRAY['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'JP', 'CA'])[1 + floor(r5 * 8)::int],
  $2::timestamptz - (age + 1) * interval '1 day' + r13 * interval '1 day'
FROM windows`;

/** Writes `users` rows of user_features for a new dataset (plus its feature refresh) and returns the dataset id. */
export async function buildBenchFeatures(db: Db, { datasetName, users, asOf }: { datasetName: string; users: number; asOf: Date }): Promise<number> {
  const [dataset] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone) VALUES ($1, 'UTC') RETURNING id`, [datasetName]);
  await db.transaction(async (tx) => {
    await tx.query(`SELECT setseed(0.42)`);
    await tx.query(BUILD_FEATURES_SQL, [dataset!.id, asOf, users]);
    await tx.query(
      `INSERT INTO feature_refreshes (dataset_id, mode, as_of, last_job_id, users, duration_ms) VALUES ($1, 'full', $2, 0, $3, 0)`,
      [dataset!.id, asOf, users],
    );
  });
  // Settle the table (visibility map, statistics) so autovacuum does not compete with the timings below.
  await db.exec(`VACUUM ANALYZE user_features`);
  return dataset!.id;
}
