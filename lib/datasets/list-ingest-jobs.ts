import { z } from "zod";
import type { Queryable } from "../db/db";
import { isoTimestamp, isoTimestampOrNull } from "./iso-timestamp";

export const ingestJobSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  /** running | succeeded | failed (as written by the loader). */
  status: z.string(),
  bytesTotal: z.number(),
  bytesRead: z.number(),
  /** Data rows read: total = accepted + rejected + duplicates. */
  total: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Wall-clock time from start to finish; null while running. */
  durationMs: z.number().nullable(),
});
export type IngestJob = z.infer<typeof ingestJobSchema>;

export const ingestJobListSchema = z.object({ jobs: z.array(ingestJobSchema) });
export type IngestJobList = z.infer<typeof ingestJobListSchema>;

export const ingestJobListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type IngestJobListQuery = z.infer<typeof ingestJobListQuerySchema>;

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
