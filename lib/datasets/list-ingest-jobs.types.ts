import { z } from "zod";

// Request and response shapes of GET /api/datasets/[name]/jobs. No database imports: the browser imports this file.

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
