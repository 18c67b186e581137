import type { Queryable } from "../db/db";
import { isoTimestamp, isoTimestampOrNull } from "./iso-timestamp";
import type { DatasetList, DatasetSummary } from "./list-datasets.types";

export interface DatasetSummaryRow {
  id: number;
  name: string;
  timezone: string;
  created_at: Date | string;
  events: number;
  users: number;
  last_job_id: number | null;
  last_job_file_name: string | null;
  last_job_status: string | null;
  last_job_started_at: Date | string | null;
  last_job_finished_at: Date | string | null;
}

/**
 * One row per dataset: its settings row, how much it holds, and its newest
 * ingest job. Shared by the list and the single-dataset lookup so "events"
 * and "users" are counted one way only.
 */
export const DATASET_SUMMARY_SELECT = `
SELECT d.*,
       (SELECT count(*)::int FROM events e WHERE e.dataset_id = d.id) AS events,
       (SELECT count(DISTINCT e.user_id)::int FROM events e WHERE e.dataset_id = d.id) AS users,
       j.id AS last_job_id,
       j.file_name AS last_job_file_name,
       j.status AS last_job_status,
       j.started_at AS last_job_started_at,
       j.finished_at AS last_job_finished_at
FROM datasets d
LEFT JOIN LATERAL (
  SELECT id, file_name, status, started_at, finished_at
  FROM ingest_jobs
  WHERE dataset_id = d.id
  ORDER BY started_at DESC, id DESC
  LIMIT 1
) j ON true`;

export function toDatasetSummary(row: DatasetSummaryRow): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    createdAt: isoTimestamp(row.created_at),
    events: row.events,
    users: row.users,
    lastIngest:
      row.last_job_id === null
        ? null
        : {
            jobId: row.last_job_id,
            fileName: row.last_job_file_name ?? "",
            status: row.last_job_status ?? "unknown",
            startedAt: isoTimestamp(row.last_job_started_at ?? row.created_at),
            finishedAt: isoTimestampOrNull(row.last_job_finished_at),
          },
  };
}

/** Every dataset, alphabetically, with its event and user counts and last ingest. */
export async function listDatasets(db: Queryable): Promise<DatasetList> {
  const rows = await db.query<DatasetSummaryRow>(`${DATASET_SUMMARY_SELECT} ORDER BY d.name`);
  return { datasets: rows.map(toDatasetSummary) };
}
