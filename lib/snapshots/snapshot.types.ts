import { z } from "zod";

/**
 * Request and response schemas of segment snapshots and transitions, shared
 * by the API, the CLI and the UI. No database imports: the browser parses
 * responses with these too.
 */

/** Snapshots are taken at the end of each calendar month, or of each ISO week (Monday 00:00 local). */
export const snapshotPeriodSchema = z.enum(["month", "week"]);
export type SnapshotPeriod = z.infer<typeof snapshotPeriodSchema>;

const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD");

/** POST /api/datasets/[name]/snapshots (and `strata snapshot`). */
export const takeSnapshotsRequestSchema = z.object({
  /** A saved definition's name (when two models share a name, the most recently saved one). */
  definition: z.string().trim().min(1, "definition (a saved definition name) is required"),
  /** Default: the latest version. */
  version: z.coerce.number().int().min(1).optional(),
  period: snapshotPeriodSchema.default("month"),
  /** Only period ends whose last day is on or after this date. */
  from: isoDaySchema.optional(),
  /** Only period ends whose last day is on or before this date. */
  to: isoDaySchema.optional(),
});
export type TakeSnapshotsRequest = z.infer<typeof takeSnapshotsRequestSchema>;
export type TakeSnapshotsRequestInput = z.input<typeof takeSnapshotsRequestSchema>;

export const snapshotSchema = z.object({
  id: z.number().int(),
  definitionName: z.string(),
  modelId: z.string(),
  definitionVersion: z.number().int(),
  period: snapshotPeriodSchema,
  /** Exclusive upper bound on event time (ISO instant): local midnight ending the period. */
  asOf: z.string(),
  /** The last local day that counted (YYYY-MM-DD, dataset timezone): the snapshot's date. */
  asOfDay: z.string(),
  /** Segment names in definition order. */
  segments: z.array(z.string()),
  users: z.number().int().min(0),
  createdAt: z.string(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const takenSnapshotSchema = snapshotSchema.extend({
  /** "taken" now, or "already taken" earlier (kept as it was: snapshots are immutable). */
  status: z.enum(["taken", "already taken"]),
});
export type TakenSnapshot = z.infer<typeof takenSnapshotSchema>;

export const takeSnapshotsResultSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  definitionName: z.string(),
  modelId: z.string(),
  definitionVersion: z.number().int(),
  period: snapshotPeriodSchema,
  snapshots: z.array(takenSnapshotSchema),
  taken: z.number().int(),
  alreadyTaken: z.number().int(),
});
export type TakeSnapshotsResult = z.infer<typeof takeSnapshotsResultSchema>;

/** GET /api/datasets/[name]/snapshots?definition= */
export const listSnapshotsQuerySchema = z.object({
  definition: z.string().trim().min(1).optional(),
});

export const snapshotListSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  /** Oldest first, by definition, version and date. */
  snapshots: z.array(snapshotSchema),
});
export type SnapshotList = z.infer<typeof snapshotListSchema>;

/** One line of POST /snapshots' NDJSON progress stream (and the CLI's progress line). */
export const snapshotProgressSchema = z.object({
  type: z.literal("progress"),
  done: z.number().int(),
  total: z.number().int(),
  asOfDay: z.string(),
  status: z.enum(["taken", "already taken"]),
});
export type SnapshotProgress = z.infer<typeof snapshotProgressSchema>;

/** GET /api/datasets/[name]/transitions */
export const transitionsQuerySchema = z.object({
  definition: z.string().trim().min(1, "definition (a saved definition name) is required"),
  /** Default: the latest version that has snapshots. */
  version: z.coerce.number().int().min(1).optional(),
  /** Snapshot dates (as-of days); default: the two latest snapshots. */
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});
export type TransitionsQuery = z.infer<typeof transitionsQuerySchema>;

/** Row label of users absent from the `from` snapshot (first seen after it). */
export const NOT_YET_SEEN = "Not yet seen";
/** Column label of users absent from the `to` snapshot. */
export const GONE = "Gone";

export const segmentFlowSchema = z.object({
  /** A segment name, NOT_YET_SEEN or GONE. */
  segment: z.string(),
  users: z.number().int().min(0),
});

export const segmentChangeSchema = z.object({
  segment: z.string(),
  /** Users in the segment at `from` / at `to`. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  /** (to − from) / from × 100; null when the segment was empty at `from` (0/0 policy: no rate). */
  changePercent: z.number().nullable(),
  /** Users in the segment at both dates. */
  stayed: z.number().int().min(0),
  /** Users who came in from elsewhere (other segments, NOT_YET_SEEN), largest first. */
  inflows: z.array(segmentFlowSchema),
  /** Users who left for elsewhere (other segments, GONE), largest first. */
  outflows: z.array(segmentFlowSchema),
  /** The change in one sentence, e.g. "At Risk grew 15% (800 → 920): 120 from Active, 40 new; 40 left for Churned." */
  summary: z.string(),
});
export type SegmentChange = z.infer<typeof segmentChangeSchema>;

export const transitionEndSchema = z.object({
  snapshotId: z.number().int(),
  asOf: z.string(),
  asOfDay: z.string(),
  users: z.number().int().min(0),
});

export const transitionMatrixSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  definitionName: z.string(),
  modelId: z.string(),
  definitionVersion: z.number().int(),
  from: transitionEndSchema,
  to: transitionEndSchema,
  /** Segment at `from`, in definition order, then NOT_YET_SEEN. */
  rows: z.array(z.string()),
  /** Segment at `to`, in definition order, then GONE. */
  columns: z.array(z.string()),
  /** counts[r][c]: users in rows[r] at `from` and columns[c] at `to`. */
  counts: z.array(z.array(z.number().int().min(0))),
  rowTotals: z.array(z.number().int().min(0)),
  columnTotals: z.array(z.number().int().min(0)),
  /** Users in either snapshot. */
  total: z.number().int().min(0),
  /** counts[r][c] as a % of rowTotals[r]; null for an empty row (0/0). */
  rowPercents: z.array(z.array(z.number().nullable())),
  /** One entry per segment (rows without NOT_YET_SEEN), in definition order. */
  changes: z.array(segmentChangeSchema),
  /** The exact definition, for the info tooltip, the CLI and the README. */
  definition: z.string(),
});
export type TransitionMatrix = z.infer<typeof transitionMatrixSchema>;

/**
 * POST /api/datasets/[name]/snapshots answers NDJSON: one "progress" line per
 * period end, then one "result" line (the TakeSnapshotsResult) or one "error"
 * line (the API's error body) if a snapshot failed after the stream started.
 */
export const snapshotStreamLineSchema = z.discriminatedUnion("type", [
  snapshotProgressSchema,
  takeSnapshotsResultSchema.extend({ type: z.literal("result") }),
  z.object({ type: z.literal("error"), error: z.object({ code: z.string(), message: z.string(), id: z.string().optional() }) }),
]);
export type SnapshotStreamLine = z.infer<typeof snapshotStreamLineSchema>;
