import type { Queryable } from "../db/db";
import type { DatasetDetail } from "./get-dataset.types";
import { isoTimestamp, isoTimestampOrNull } from "./iso-timestamp";
import { DATASET_SUMMARY_SELECT, toDatasetSummary, type DatasetSummaryRow } from "./list-datasets";

interface DatasetDetailRow extends DatasetSummaryRow {
  kind: string;
  session_timeout_minutes: number;
  signup_event: string | null;
  activation_event: string | null;
  conversion_event: string | null;
  cancel_event: string | null;
  revenue_field: string | null;
  core_features: string[] | null;
  dimensions: string[] | null;
  features_as_of: Date | string | null;
  users_with_features: number;
  refresh_mode: string | null;
  refresh_as_of: Date | string | null;
  refresh_finished_at: Date | string | null;
  refresh_users: number | null;
  refresh_last_job_id: number | null;
  features_stale: boolean;
}

/** The dataset with this exact name, its settings and sizes; null when there is none. */
export async function getDatasetByName(db: Queryable, name: string): Promise<DatasetDetail | null> {
  const [row] = await db.query<DatasetDetailRow>(
    `WITH summary AS (${DATASET_SUMMARY_SELECT} WHERE d.name = $1)
     SELECT s.*,
            (SELECT max(f.as_of) FROM user_features f WHERE f.dataset_id = s.id) AS features_as_of,
            (SELECT count(*)::int FROM user_features f WHERE f.dataset_id = s.id) AS users_with_features,
            r.mode AS refresh_mode, r.as_of AS refresh_as_of, r.finished_at AS refresh_finished_at,
            r.users AS refresh_users, r.last_job_id AS refresh_last_job_id,
            -- Any job after the refresh that stored events, finished or not (a failed
            -- job keeps the batches it committed).
            EXISTS (
              SELECT 1 FROM ingest_jobs j
              WHERE j.dataset_id = s.id AND j.accepted > 0 AND j.id > coalesce(r.last_job_id, 0)
            ) AS features_stale
     FROM summary s
     LEFT JOIN LATERAL (
       SELECT mode, as_of, finished_at, users, last_job_id FROM feature_refreshes
       WHERE dataset_id = s.id ORDER BY finished_at DESC, id DESC LIMIT 1
     ) r ON true`,
    [name],
  );
  if (!row) return null;
  return {
    ...toDatasetSummary(row),
    kind: row.kind,
    sessionTimeoutMinutes: row.session_timeout_minutes,
    signupEvent: row.signup_event,
    activationEvent: row.activation_event,
    conversionEvent: row.conversion_event,
    cancelEvent: row.cancel_event,
    revenueField: row.revenue_field,
    coreFeatures: row.core_features ?? [],
    dimensions: row.dimensions ?? [],
    featuresAsOf: isoTimestampOrNull(row.features_as_of),
    usersWithFeatures: row.users_with_features,
    lastRefresh:
      row.refresh_mode === null
        ? null
        : {
            mode: row.refresh_mode,
            asOf: isoTimestamp(row.refresh_as_of!),
            finishedAt: isoTimestamp(row.refresh_finished_at!),
            users: row.refresh_users ?? 0,
            lastJobId: row.refresh_last_job_id ?? 0,
          },
    featuresStale: row.features_stale,
  };
}
