import { z } from "zod";
import { groupBySchema } from "../analytics/user-groups.types";

export const MAX_CONVERT_DAYS = 365;

/** Query string of GET /api/datasets/[name]/time-to-convert. */
export const timeToConvertQuerySchema = z.object({
  /** "channel" | "plan" | "country" | "segment:<saved definition>[@version]". */
  groupBy: z.string().default("channel").pipe(groupBySchema),
  /** Last day of the curve (days 0..days). */
  days: z.coerce.number().int().min(1).max(MAX_CONVERT_DAYS).default(60),
  asOf: z.coerce.date().optional(),
});
export type TimeToConvertQuery = z.infer<typeof timeToConvertQuerySchema>;

/**
 * Day d of a curve: of the `eligible` users observed for at least d days
 * (as-of − start ≥ d × 24 h), `converted` converted within d days of their
 * start. percent null when eligible = 0 (0/0).
 */
export const convertPointSchema = z.object({
  day: z.number().int().min(0),
  eligible: z.number().int().min(0),
  converted: z.number().int().min(0),
  percent: z.number().min(0).max(100).nullable(),
});
export type ConvertPoint = z.infer<typeof convertPointSchema>;

/** Days to convert among the series' converters (all of them before as-of, not only those within the curve's days). */
export const converterStatsSchema = z.object({
  converters: z.number().int().min(0),
  /** Median days from start to first conversion (fractional; a conversion before the start counts as 0). */
  medianDays: z.number().nullable(),
  /** The middle half of conversions lies within days from..to: floor of the 25th and ceiling of the 75th percentile. */
  middleHalf: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
});
export type ConverterStats = z.infer<typeof converterStatsSchema>;

export const convertSeriesSchema = converterStatsSchema.extend({
  name: z.string(),
  overall: z.boolean(),
  /** Users of the series (anyone with an event before as-of). */
  size: z.number().int().min(0),
  points: z.array(convertPointSchema),
});
export type ConvertSeries = z.infer<typeof convertSeriesSchema>;

export const timeToConvertSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  kind: z.string(),
  groupBy: z.string(),
  groupLabel: z.string(),
  definitionVersion: z.number().int().nullable(),
  days: z.number().int(),
  asOf: z.string().nullable(),
  asOfDay: z.string().nullable(),
  /** The event that starts the clock (null = each user's first event). */
  signupEvent: z.string().nullable(),
  /** The conversion event; null when the dataset names none and is not a transaction dataset (nothing to draw). */
  conversionEvent: z.string().nullable(),
  definition: z.string(),
  /** For recommendations: "Half of conversions happen in days 7–14 after signup (median 9.5 days, 120 converters)." */
  summary: z.string().nullable(),
  /** "Everyone" first, then the groups in definition order (an empty "Everyone else" is left out). */
  series: z.array(convertSeriesSchema),
});
export type TimeToConvert = z.infer<typeof timeToConvertSchema>;
