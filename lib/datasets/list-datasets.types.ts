import { z } from "zod";

// Response shape of GET /api/datasets. No database imports: the browser imports this file.

export const lastIngestSchema = z.object({
  jobId: z.number().int(),
  fileName: z.string(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const datasetSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  timezone: z.string(),
  createdAt: z.string(),
  /** Accepted events stored (duplicates and rejects are not events). */
  events: z.number().int(),
  /** Distinct user ids with at least one accepted event. */
  users: z.number().int(),
  lastIngest: lastIngestSchema.nullable(),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const datasetListSchema = z.object({ datasets: z.array(datasetSummarySchema) });
export type DatasetList = z.infer<typeof datasetListSchema>;
