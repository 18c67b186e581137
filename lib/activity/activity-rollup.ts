/**
 * Keeps activity_days (who was active on which local day) in step with the
 * events: an ingest job's events are rolled up once its accepted count is
 * known, again if that count grew (a resumed load), and everything again
 * when the dataset's timezone changed. See the migration
 * 20261125040000_activity_days for why re-rolling is safe.
 */
import type { Db } from "../db/db";
import { PURCHASE_EVENT } from "../features/feature-sql";

// Serialises syncs of one dataset (two chart requests after an ingest must not both insert).
const SYNC_LOCK = 727200;

/** $1 dataset, $2 job ids (null = all events), $3 purchase event name; session TimeZone = the dataset's. */
const ROLL_UP_SQL = `
INSERT INTO activity_days (dataset_id, user_id, day, purchased)
SELECT $1, user_id, ts::date, bool_or(event_name = $3::text)
FROM events
WHERE dataset_id = $1 AND ($2::int[] IS NULL OR job_id = ANY ($2::int[]))
GROUP BY user_id, ts::date
-- Stored in key order, so the cache's ordered read of a dataset is sequential, not random, I/O.
ORDER BY user_id, ts::date
ON CONFLICT (dataset_id, user_id, day) DO UPDATE SET purchased = activity_days.purchased OR excluded.purchased`;

/**
 * Re-packs activity_users (see its migration) for the users with events in
 * jobs $2 (null = every user) from their activity_days rows. Same parameters.
 */
const PACK_USERS_SQL = `
INSERT INTO activity_users (dataset_id, user_id, days, purchased)
SELECT $1, user_id,
       string_agg(int4send((day - DATE '1970-01-01')::int4), ''::bytea ORDER BY day),
       string_agg(CASE WHEN purchased THEN '\\x01'::bytea ELSE '\\x00'::bytea END, ''::bytea ORDER BY day)
FROM activity_days
WHERE dataset_id = $1
  AND ($2::int[] IS NULL OR user_id IN (SELECT DISTINCT user_id FROM events WHERE dataset_id = $1 AND job_id = ANY ($2::int[])))
GROUP BY user_id
ORDER BY user_id
ON CONFLICT (dataset_id, user_id) DO UPDATE SET days = excluded.days, purchased = excluded.purchased`;

export interface RollupSync {
  /** Jobs rolled up by this call (0: already up to date). */
  jobs: number;
  rebuilt: boolean;
  durationMs: number;
}

export async function syncActivityRollup(db: Db, datasetId: number): Promise<RollupSync> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, $2)`, [SYNC_LOCK, datasetId]);
    const [dataset] = await tx.query<{ timezone: string; rolled_timezone: string | null }>(
      `SELECT d.timezone, r.timezone AS rolled_timezone FROM datasets d LEFT JOIN activity_rollups r ON r.dataset_id = d.id WHERE d.id = $1`,
      [datasetId],
    );
    if (!dataset) return { jobs: 0, rebuilt: false, durationMs: 0 };
    const rebuilt = dataset.rolled_timezone !== dataset.timezone;
    if (rebuilt) {
      await tx.query(`DELETE FROM activity_days WHERE dataset_id = $1`, [datasetId]);
      await tx.query(`DELETE FROM activity_users WHERE dataset_id = $1`, [datasetId]);
      await tx.query(`DELETE FROM activity_rollup_jobs WHERE job_id IN (SELECT id FROM ingest_jobs WHERE dataset_id = $1)`, [datasetId]);
      await tx.query(
        `INSERT INTO activity_rollups (dataset_id, timezone) VALUES ($1, $2)
         ON CONFLICT (dataset_id) DO UPDATE SET timezone = excluded.timezone, updated_at = now()`,
        [datasetId, dataset.timezone],
      );
    }
    // Counts are read before the events: a batch committing meanwhile is rolled up now or next time, never lost.
    const jobs = await tx.query<{ id: number; accepted: number }>(
      `SELECT j.id, j.accepted FROM ingest_jobs j LEFT JOIN activity_rollup_jobs r ON r.job_id = j.id
       WHERE j.dataset_id = $1 AND j.accepted > coalesce(r.accepted, 0) ORDER BY j.id`,
      [datasetId],
    );
    // A rebuild rolls up every event, also those loaded without an ingest job (tests, benchmarks).
    if (jobs.length > 0 || rebuilt) {
      await tx.query(`SELECT set_config('TimeZone', $1, true)`, [dataset.timezone]);
      const ids = jobs.map((job) => job.id);
      await tx.query(ROLL_UP_SQL, [datasetId, rebuilt ? null : ids, PURCHASE_EVENT]);
      await tx.query(PACK_USERS_SQL, [datasetId, rebuilt ? null : ids]);
      await tx.query(
        `INSERT INTO activity_rollup_jobs (job_id, accepted) SELECT * FROM unnest($1::int[], $2::int[])
         ON CONFLICT (job_id) DO UPDATE SET accepted = excluded.accepted`,
        [ids, jobs.map((job) => job.accepted)],
      );
      await tx.query(`UPDATE activity_rollups SET updated_at = now() WHERE dataset_id = $1`, [datasetId]);
    }
    return { jobs: jobs.length, rebuilt, durationMs: Math.round(performance.now() - started) };
  });
}
