import { z } from "zod";

// Request and response shapes of the lifecycle chart. No database imports: the browser imports this file.

/** Calendar intervals in the dataset timezone. Week = ISO week, Monday 00:00 local (as in retention). */
export const lifecycleIntervalSchema = z.enum(["day", "week", "month"]);
export type LifecycleInterval = z.infer<typeof lifecycleIntervalSchema>;

export const MAX_LIFECYCLE_PERIODS = 366;

/** An event name chosen as the activity; absent = any event (transaction datasets: purchase). */
export const activityEventSchema = z.string().trim().min(1).max(200);

/** Query string of GET /api/datasets/[name]/lifecycle (and the CLI flags). */
export const lifecycleQuerySchema = z.object({
  interval: lifecycleIntervalSchema.default("week"),
  periods: z.coerce.number().int().min(1).max(MAX_LIFECYCLE_PERIODS).default(26),
  event: activityEventSchema.optional(),
  asOf: z.coerce.date().optional(),
});
export type LifecycleQuery = z.infer<typeof lifecycleQuerySchema>;

/**
 * One interval of the chart. dormant is ≤ 0 (PostHog plots it below zero);
 * active = new + returning + resurrecting. partial: the interval contains the
 * as-of day but does not end with it, so its counts may still change.
 */
export const lifecycleIntervalRowSchema = z.object({
  /** First local date of the interval (YYYY-MM-DD, dataset timezone). */
  start: z.string(),
  /** Last local date of the interval. */
  end: z.string(),
  new: z.number().int().min(0),
  returning: z.number().int().min(0),
  resurrecting: z.number().int().min(0),
  dormant: z.number().int().max(0),
  active: z.number().int().min(0),
  partial: z.boolean(),
});
export type LifecycleIntervalRow = z.infer<typeof lifecycleIntervalRowSchema>;

export const lifecycleResultSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  kind: z.string(),
  interval: lifecycleIntervalSchema,
  periods: z.number().int(),
  /** The event that counts as activity; null = any event. */
  activityEvent: z.string().nullable(),
  /** Exclusive upper bound on event time (ISO instant); asOfDay = last local day included. */
  asOf: z.string().nullable(),
  asOfDay: z.string().nullable(),
  definition: z.string(),
  intervals: z.array(lifecycleIntervalRowSchema),
});
export type LifecycleResult = z.infer<typeof lifecycleResultSchema>;
