import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/db";

/**
 * Row builders for lib/datasets integration tests: plain INSERTs with only the
 * columns a test cares about, everything else a fixed default.
 */
export async function insertDataset(db: Queryable, name: string, timezone = "UTC"): Promise<number> {
  const [row] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone) VALUES ($1, $2) RETURNING id`, [name, timezone]);
  return row!.id;
}

export async function insertJob(
  db: Queryable,
  datasetId: number,
  job: { fileName: string; startedAt: string; finishedAt?: string | null; status?: string; total?: number; accepted?: number; rejected?: number; duplicates?: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ingest_jobs (dataset_id, file_name, fingerprint, format, status, total_rows, accepted, rejected, duplicates, started_at, finished_at)
     VALUES ($1, $2, 'fp', 'csv', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      datasetId,
      job.fileName,
      job.status ?? "succeeded",
      job.total ?? 0,
      job.accepted ?? 0,
      job.rejected ?? 0,
      job.duplicates ?? 0,
      job.startedAt,
      job.finishedAt ?? null,
    ],
  );
  return row!.id;
}

/** Accepted events (`page_view`), each with its own dedupe key. `jobId` need not exist. */
export async function insertEvents(
  db: Queryable,
  datasetId: number,
  jobId: number,
  events: { userId: string; ts: string; eventName?: string }[],
): Promise<void> {
  for (const event of events) {
    await db.query(
      `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [datasetId, `i:${randomUUID()}`, event.userId, event.eventName ?? "page_view", event.ts, jobId],
    );
  }
}

export interface FeatureValues {
  frequency: number;
  monetary: number;
  recencyDays?: number;
  converted?: boolean;
  channel?: string | null;
}

/** A user_features row; the columns tests do not name get plausible constants. */
export async function insertFeatures(db: Queryable, datasetId: number, userId: string, asOf: string, values: FeatureValues): Promise<void> {
  await db.query(
    `INSERT INTO user_features (
       dataset_id, user_id, as_of, first_seen, last_seen, recency_days, frequency, monetary,
       sessions_total, sessions_7d, sessions_30d, sessions_per_week, active_days_7d, active_days_30d, active_days_90d,
       weeks_active_12, events_per_active_week, core_features_used, converted, cancelled, channel)
     VALUES ($1, $2, $3, $3, $3, $4, $5, $6, 1, 0, 1, 0.5, 0, 1, 1, 1, 1.0, 0, $7, false, $8)`,
    [datasetId, userId, asOf, values.recencyDays ?? 0, values.frequency, values.monetary, values.converted ?? false, values.channel ?? null],
  );
}
