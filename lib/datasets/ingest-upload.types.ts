import { z } from "zod";
import { formatSchema } from "../ingest/types";

/**
 * The NDJSON lines `POST /api/datasets/[name]/ingest` streams, in order:
 * `progress`* → `refreshing`? → `report` | `error`. Shared by the route (which
 * builds them from lib/ingest's IngestProgress / IngestReport, so a drift fails
 * to compile) and the upload page (which parses them).
 */
export const ingestProgressLineSchema = z.object({
  type: z.literal("progress"),
  jobId: z.number(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
});

/** All rows are loaded; behavior features are being recomputed. */
export const ingestRefreshingLineSchema = z.object({ type: z.literal("refreshing"), datasetId: z.number() });

export const featureRefreshSummarySchema = z.object({
  users: z.number(),
  mode: z.string(),
  durationMs: z.number(),
});
export type FeatureRefreshSummary = z.infer<typeof featureRefreshSummarySchema>;

export const rejectSampleSchema = z.object({ line: z.number(), field: z.string(), value: z.string(), reason: z.string() });

export const ingestReportLineSchema = z.object({
  type: z.literal("report"),
  jobId: z.number(),
  datasetId: z.number(),
  datasetName: z.string(),
  fileName: z.string(),
  format: formatSchema,
  status: z.enum(["succeeded", "failed"]),
  /** Rows read: always accepted + rejected + duplicates. */
  total: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  resumed: z.boolean(),
  /** The first rejects (the loader's sample); all of them: GET /api/jobs/[id]/rejects.csv. */
  rejectSample: z.array(rejectSampleSchema),
  bytesRead: z.number(),
  durationMs: z.number(),
  error: z.string().optional(),
  /** The feature refresh run after loading; null when it did not run or failed. */
  featureRefresh: featureRefreshSummarySchema.nullable(),
  featureRefreshError: z.string().optional(),
});
export type IngestReportLine = z.infer<typeof ingestReportLineSchema>;

export const ingestErrorLineSchema = z.object({
  type: z.literal("error"),
  code: z.string(),
  message: z.string(),
  id: z.string().optional(),
});

export const ingestStreamLineSchema = z.discriminatedUnion("type", [
  ingestProgressLineSchema,
  ingestRefreshingLineSchema,
  ingestReportLineSchema,
  ingestErrorLineSchema,
]);
export type IngestStreamLine = z.infer<typeof ingestStreamLineSchema>;
