import { z } from "zod";
import { datasetSummarySchema } from "./list-datasets.types";

// Response shape of GET /api/datasets/[name]. No database imports: the browser imports this file.

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
  /** The "as of" time of the features in user_features; null until features were computed. */
  featuresAsOf: z.string().nullable(),
  /** Users that have a row in user_features. */
  usersWithFeatures: z.number().int(),
  /** The newest feature refresh, if any. */
  lastRefresh: z
    .object({ mode: z.string(), asOf: z.string(), finishedAt: z.string(), users: z.number().int(), lastJobId: z.number().int() })
    .nullable(),
  /** Events were stored that no feature refresh has seen yet (a job newer than the last refresh accepted rows). */
  featuresStale: z.boolean(),
});
export type DatasetDetail = z.infer<typeof datasetDetailSchema>;
