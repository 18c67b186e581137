import { z } from "zod";

/** Calendar units for cohorts and periods. Week = ISO week, Monday 00:00 local (dataset timezone). */
export const retentionUnitSchema = z.enum(["day", "week", "month"]);
export type RetentionUnit = z.infer<typeof retentionUnitSchema>;

export const retentionModeSchema = z.enum(["n-period", "unbounded"]);
export type RetentionMode = z.infer<typeof retentionModeSchema>;

export const MAX_RETENTION_PERIODS = 104;

/** Query string of GET /api/datasets/[name]/retention (and the CLI flags). */
export const retentionQuerySchema = z.object({
  cohort: retentionUnitSchema.default("week"),
  period: retentionUnitSchema.default("week"),
  periods: z.coerce.number().int().min(1).max(MAX_RETENTION_PERIODS).default(12),
  mode: retentionModeSchema.default("n-period"),
  asOf: z.coerce.date().optional(),
});
export type RetentionQuery = z.infer<typeof retentionQuerySchema>;

/**
 * One cell of the matrix.
 * - state "complete": period N has ended for every user of the cohort.
 * - state "partial": period N is under way as of as-of for some users (count may still grow).
 * - state "future": period N has not started for any user of the cohort; count and percent are null, never 0.
 * percent is null when the cohort has 0 users (0/0 policy: no rate, shown as "—").
 */
export const retentionCellSchema = z.object({
  period: z.number().int().min(0),
  users: z.number().int().min(0).nullable(),
  percent: z.number().min(0).max(100).nullable(),
  state: z.enum(["complete", "partial", "future"]),
});
export type RetentionCell = z.infer<typeof retentionCellSchema>;

export const retentionCohortSchema = z.object({
  /** First local date of the cohort period (YYYY-MM-DD, dataset timezone). */
  start: z.string(),
  size: z.number().int().min(0),
  cells: z.array(retentionCellSchema),
});
export type RetentionCohort = z.infer<typeof retentionCohortSchema>;

export const retentionMatrixSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  kind: z.string(),
  cohort: retentionUnitSchema,
  period: retentionUnitSchema,
  periods: z.number().int(),
  mode: retentionModeSchema,
  /** Exclusive upper bound on event time (ISO instant); asOfDay = last local day included. */
  asOf: z.string().nullable(),
  asOfDay: z.string().nullable(),
  definition: z.string(),
  cohorts: z.array(retentionCohortSchema),
});
export type RetentionMatrix = z.infer<typeof retentionMatrixSchema>;
