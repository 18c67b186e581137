import { z } from "zod";
import { activityEventSchema } from "../lifecycle/lifecycle.types";

// Request and response shapes of the stickiness charts. No database imports: the browser imports this file.

export const MAX_STICKINESS_DAYS = 366;
export const MAX_STICKINESS_WEEKS = 52;

/** Query string of GET /api/datasets/[name]/stickiness (and the CLI flags). */
export const stickinessQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(MAX_STICKINESS_DAYS).default(90),
  weeks: z.coerce.number().int().min(1).max(MAX_STICKINESS_WEEKS).default(12),
  event: activityEventSchema.optional(),
  asOf: z.coerce.date().optional(),
});
export type StickinessQuery = z.infer<typeof stickinessQuerySchema>;

/** One local day: users active that day, in the trailing 7 days and the trailing 30 days ending that day. */
export const stickinessDaySchema = z.object({
  day: z.string(),
  dau: z.number().int().min(0),
  wau: z.number().int().min(0),
  mau: z.number().int().min(0),
  /** DAU ÷ MAU × 100; null when MAU is 0 (0/0: no ratio rather than 0%). */
  dauMauPercent: z.number().min(0).max(100).nullable(),
});
export type StickinessDay = z.infer<typeof stickinessDaySchema>;

/** Users active on exactly `days` distinct days of a full week, summed over the weeks shown. */
export const activeDaysBucketSchema = z.object({
  days: z.number().int().min(1).max(7),
  /** User-weeks: a user counts once per week they were active on exactly this many days. */
  users: z.number().int().min(0),
  /** Share of weekly-active user-weeks; null when there were none (0/0). */
  percent: z.number().min(0).max(100).nullable(),
});
export type ActiveDaysBucket = z.infer<typeof activeDaysBucketSchema>;

export const activeDaysWeekSchema = z.object({
  /** Monday of the full ISO week (local date). */
  start: z.string(),
  weeklyActive: z.number().int().min(0),
  /** Users active on 1, 2, …, 7 days of this week (index 0 = 1 day). */
  byActiveDays: z.array(z.number().int().min(0)).length(7),
});
export type ActiveDaysWeek = z.infer<typeof activeDaysWeekSchema>;

export const stickinessResultSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  kind: z.string(),
  days: z.number().int(),
  weeks: z.number().int(),
  activityEvent: z.string().nullable(),
  asOf: z.string().nullable(),
  asOfDay: z.string().nullable(),
  definition: z.string(),
  daily: z.array(stickinessDaySchema),
  activeDaysPerWeek: z.object({
    /** The full weeks aggregated (oldest first); the week containing the as-of day counts only if it ends on it. */
    weeks: z.array(activeDaysWeekSchema),
    /** Sum of weeklyActive over the weeks: the denominator of every percent. */
    weeklyActiveUserWeeks: z.number().int().min(0),
    buckets: z.array(activeDaysBucketSchema).length(7),
  }),
});
export type StickinessResult = z.infer<typeof stickinessResultSchema>;
