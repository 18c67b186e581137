import { z } from "zod";
import { groupBySchema } from "../analytics/user-groups.types";
import { MAX_RETENTION_PERIODS, retentionModeSchema, retentionUnitSchema } from "../retention/retention.types";

/** Query string of GET /api/datasets/[name]/retention/curves. */
export const retentionCurvesQuerySchema = z.object({
  /** "channel" | "plan" | "country" | "segment:<saved definition>[@version]". */
  groupBy: z.string().default("channel").pipe(groupBySchema),
  period: retentionUnitSchema.default("week"),
  periods: z.coerce.number().int().min(1).max(MAX_RETENTION_PERIODS).default(12),
  mode: retentionModeSchema.default("n-period"),
  asOf: z.coerce.date().optional(),
});
export type RetentionCurvesQuery = z.infer<typeof retentionCurvesQuerySchema>;
export type RetentionCurvesQueryInput = z.input<typeof retentionCurvesQuerySchema>;

/**
 * One point of a curve: of the `eligible` users of the series whose period N
 * has fully ended by the as-of day, `users` were active in period N (or, in
 * unbounded mode, in N or later). percent is null when eligible = 0 (0/0).
 */
export const curvePointSchema = z.object({
  period: z.number().int().min(0),
  eligible: z.number().int().min(0),
  users: z.number().int().min(0),
  percent: z.number().min(0).max(100).nullable(),
});
export type CurvePoint = z.infer<typeof curvePointSchema>;

export const curveSeriesSchema = z.object({
  name: z.string(),
  /** The "Everyone" reference line (sum of every other series). */
  overall: z.boolean(),
  /** Users of the series with any activity before as-of. */
  size: z.number().int().min(0),
  points: z.array(curvePointSchema),
});
export type CurveSeries = z.infer<typeof curveSeriesSchema>;

export const retentionCurvesSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  kind: z.string(),
  groupBy: z.string(),
  /** What the series are, in words ("channel", "segments of Lifecycle v3"). */
  groupLabel: z.string(),
  definitionVersion: z.number().int().nullable(),
  period: retentionUnitSchema,
  periods: z.number().int(),
  mode: retentionModeSchema,
  asOf: z.string().nullable(),
  asOfDay: z.string().nullable(),
  definition: z.string(),
  /** "Everyone" first, then the groups in definition order (an empty "Everyone else" is left out). */
  series: z.array(curveSeriesSchema),
});
export type RetentionCurves = z.infer<typeof retentionCurvesSchema>;
