import type { Queryable } from "../db/db";
import { isoTimestamp, isoTimestampOrNull } from "./iso-timestamp";
import type { IngestJobList, IngestJobListQuery } from "./list-ingest-jobs.types";

interface IngestJobRow {
  id: number;
  file_name: string;
  format: string;
  status: string;
  bytes_total: number;
  bytes_read: number;
  total_rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  error: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

/** A dataset's ingest jobs, newest first. */
export async function listIngestJobs(db: Queryable, datasetId: number, query: IngestJobListQuery = { limit: 100 }): Promise<IngestJobList> {
  const rows = await db.query<IngestJobRow>(
    `SELECT id, file_name, format, status,
            bytes_total::float8 AS bytes_total, bytes_read::float8 AS bytes_read,
            total_rows, accepted, rejected, duplicates, error, started_at, finished_at
     FROM ingest_jobs
     WHERE dataset_id = $1
     ORDER BY started_at DESC, id DESC
     LIMIT $2`,
    [datasetId, query.limit],
  );
  return {
    jobs: rows.map((row) => {
      const startedAt = isoTimestamp(row.started_at);
      const finishedAt = isoTimestampOrNull(row.finished_at);
      return {
        id: row.id,
        fileName: row.file_name,
        format: row.format,
        status: row.status,
        bytesTotal: row.bytes_total,
        bytesRead: row.bytes_read,
        total: row.total_rows,
        accepted: row.accepted,
        rejected: row.rejected,
        duplicates: row.duplicates,
        error: row.error,
        startedAt,
        finishedAt,
        durationMs: finishedAt === null ? null : Date.parse(finishedAt) - Date.parse(startedAt),
      };
    }),
  };
}
