import { z } from "zod";
import type { Queryable } from "../db/db";

export const jobIdSchema = z.coerce.number().int("Job id must be a whole number").positive("Job id must be positive");

export interface IngestJobRef {
  id: number;
  datasetName: string;
  fileName: string;
  rejected: number;
}

/** Enough about one job to name its downloads; null when there is no such job. */
export async function getIngestJob(db: Queryable, jobId: number): Promise<IngestJobRef | null> {
  const [row] = await db.query<{ id: number; dataset_name: string; file_name: string; rejected: number }>(
    `SELECT j.id, d.name AS dataset_name, j.file_name, j.rejected
     FROM ingest_jobs j JOIN datasets d ON d.id = j.dataset_id
     WHERE j.id = $1`,
    [jobId],
  );
  return row ? { id: row.id, datasetName: row.dataset_name, fileName: row.file_name, rejected: row.rejected } : null;
}
