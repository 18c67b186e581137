import { z } from "zod";
import type { Queryable } from "../db/db";
import { isoTimestampOrNull } from "./iso-timestamp";
import { DATASET_SUMMARY_SELECT, datasetSummarySchema, toDatasetSummary, type DatasetSummaryRow } from "./list-datasets";

export const datasetDetailSchema = datasetSummarySchema.extend({
  kind: z.string(),
  sessionTimeoutMinutes: z.number().int(),
  signupEvent: z.string().nullable(),
  activationEvent: z.string().nullable(),
  conversionEvent: z.string().nullable(),
  cancelEvent: z.string().nullable(),
  revenueField: z.string().nullable(),
  coreFeatures: z.array(z.string()),
  dimensions: z.array(z.string()),
  /** The reference time of the last feature refresh; null until features were computed. */
  featuresAsOf: z.string().nullable(),
  /** Users that have a row in user_features. */
  usersWithFeatures: z.number().int(),
});
export type DatasetDetail = z.infer<typeof datasetDetailSchema>;

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
}

/** The dataset with this exact name, its settings and sizes; null when there is none. */
export async function getDatasetByName(db: Queryable, name: string): Promise<DatasetDetail | null> {
  const [row] = await db.query<DatasetDetailRow>(
    `WITH summary AS (${DATASET_SUMMARY_SELECT} WHERE d.name = $1)
     SELECT s.*,
            (SELECT max(f.as_of) FROM user_features f WHERE f.dataset_id = s.id) AS features_as_of,
            (SELECT count(*)::int FROM user_features f WHERE f.dataset_id = s.id) AS users_with_features
     FROM summary s`,
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
  };
}
