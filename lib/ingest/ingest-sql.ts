import { ident, type Queryable } from "../db/db";

/** All SQL the ingest loader runs, in one place. */

export const STAGING_COLUMNS = ["dedupe_key", "user_id", "event_name", "ts_ms", "revenue", "properties"] as const;
export const REJECT_COLUMNS = ["job_id", "line", "field", "value", "reason"] as const;

/** One staging table per job, so concurrent loads never share one. */
export function stagingTable(jobId: number): string {
  return `ingest_staging_${jobId}`;
}

/**
 * Unindexed and unlogged: COPY into it is as cheap as COPY gets. Each batch
 * transaction empties it again (TRUNCATE), and a rolled-back batch rolls the
 * rows back with it, so a crash never leaves a half-moved batch behind.
 */
export async function createStaging(db: Queryable, jobId: number): Promise<void> {
  await db.exec(`
    CREATE UNLOGGED TABLE IF NOT EXISTS ${ident(stagingTable(jobId))} (
      dedupe_key text NOT NULL,
      user_id text NOT NULL,
      event_name text NOT NULL,
      ts_ms bigint NOT NULL,
      revenue double precision,
      properties text NOT NULL
    );
    TRUNCATE ${ident(stagingTable(jobId))};`);
}

export async function dropStaging(db: Queryable, jobId: number): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${ident(stagingTable(jobId))}`);
}

export async function emptyStaging(tx: Queryable, jobId: number): Promise<void> {
  await tx.exec(`TRUNCATE ${ident(stagingTable(jobId))}`);
}

/**
 * Moves the staged batch into events and returns how many rows were new; the
 * rest are duplicates (a key already in events, or repeated within the batch).
 * A plain insert behind an anti-join is markedly cheaper than ON CONFLICT's
 * speculative insertion; the per-dataset lock keeps it safe when two loads
 * into one dataset run at once. Sorting by key also makes the primary-key
 * inserts local.
 */
export async function moveStagedEvents(tx: Queryable, datasetId: number, jobId: number): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock(727100, $1)`, [datasetId]);
  const [row] = await tx.query<{ inserted: number }>(
    `WITH inserted AS (
       INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, revenue, properties, job_id)
       SELECT DISTINCT ON (s.dedupe_key) $1::int, s.dedupe_key, s.user_id, s.event_name, to_timestamp(s.ts_ms / 1000.0), s.revenue, s.properties::jsonb, $2::int
       FROM ${ident(stagingTable(jobId))} s
       WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.dataset_id = $1 AND e.dedupe_key = s.dedupe_key)
       ORDER BY s.dedupe_key
       RETURNING 1
     )
     SELECT count(*)::int AS inserted FROM inserted`,
    [datasetId, jobId],
  );
  return row?.inserted ?? 0;
}

export interface BatchCounts {
  linesCommitted: number;
  bytesRead: number;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

export async function recordBatch(tx: Queryable, jobId: number, batch: BatchCounts): Promise<void> {
  await tx.query(
    `UPDATE ingest_jobs SET lines_committed = $2, bytes_read = $3, total_rows = total_rows + $4,
            accepted = accepted + $5, rejected = rejected + $6, duplicates = duplicates + $7
     WHERE id = $1`,
    [jobId, batch.linesCommitted, batch.bytesRead, batch.rows, batch.accepted, batch.rejected, batch.duplicates],
  );
}

export interface DatasetRow {
  id: number;
  name: string;
  timezone: string;
  kind: string;
}

export async function ensureDataset(db: Queryable, name: string, timezone: string, kind: string): Promise<DatasetRow> {
  await db.query(`INSERT INTO datasets (name, timezone, kind) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [name, timezone, kind]);
  const [dataset] = await db.query<DatasetRow>(`SELECT id, name, timezone, kind FROM datasets WHERE name = $1`, [name]);
  if (!dataset) throw new Error(`Dataset ${name} could not be created`);
  return dataset;
}

export interface JobRow {
  id: number;
  status: string;
  lines_committed: number;
  total_rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

/** The latest unfinished job for the same file, so a retry resumes it instead of starting over. */
export async function findResumableJob(db: Queryable, datasetId: number, fingerprint: string): Promise<JobRow | undefined> {
  const [job] = await db.query<JobRow>(
    `SELECT id, status, lines_committed, total_rows, accepted, rejected, duplicates FROM ingest_jobs
     WHERE dataset_id = $1 AND fingerprint = $2 AND status IN ('running', 'failed') AND lines_committed > 0
     ORDER BY id DESC LIMIT 1`,
    [datasetId, fingerprint],
  );
  return job;
}

export async function startJob(
  db: Queryable,
  job: { datasetId: number; fileName: string; fingerprint: string; format: string; mapping: unknown; bytesTotal: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO ingest_jobs (dataset_id, file_name, fingerprint, format, mapping, bytes_total, status)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'running') RETURNING id`,
    [job.datasetId, job.fileName, job.fingerprint, job.format, JSON.stringify(job.mapping ?? {}), job.bytesTotal],
  );
  return row!.id;
}

export async function reopenJob(db: Queryable, jobId: number): Promise<void> {
  await db.query(`UPDATE ingest_jobs SET status = 'running', error = NULL, finished_at = NULL WHERE id = $1`, [jobId]);
}

export async function finishJob(db: Queryable, jobId: number, status: "succeeded" | "failed", error: string | null): Promise<void> {
  await db.query(`UPDATE ingest_jobs SET status = $2, error = $3, finished_at = now() WHERE id = $1`, [jobId, status, error]);
}

export async function readJobCounts(db: Queryable, jobId: number): Promise<JobRow> {
  const [job] = await db.query<JobRow>(
    `SELECT id, status, lines_committed, total_rows, accepted, rejected, duplicates FROM ingest_jobs WHERE id = $1`,
    [jobId],
  );
  if (!job) throw new Error(`Ingest job ${jobId} not found`);
  return job;
}

export async function readRejectSample(db: Queryable, jobId: number, limit: number) {
  return db.query<{ line: number; field: string; value: string; reason: string }>(
    `SELECT line, field, value, reason FROM ingest_rejects WHERE job_id = $1 ORDER BY line LIMIT $2`,
    [jobId, limit],
  );
}
