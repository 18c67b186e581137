/**
 * Dimension filters ("only channel = ads, plan = pro"): they choose whom you see,
 * never how users are scored — percentiles rank the whole population
 * (metric-conventions.md), so a user's segment is the same on every screen.
 *
 * Within one dimension the listed values are alternatives (OR); across
 * dimensions all must hold (AND). `null` in a list selects users without a value.
 */
import { z } from "zod";

export const DIMENSION_NAMES = ["channel", "plan", "country", "signupMonth"] as const;
export type DimensionName = (typeof DIMENSION_NAMES)[number];

const DimensionValuesSchema = z.array(z.string().nullable()).min(1);

export const DimensionFiltersSchema = z.strictObject({
  channel: DimensionValuesSchema.optional(),
  plan: DimensionValuesSchema.optional(),
  country: DimensionValuesSchema.optional(),
  /** "2026-03": month of signup (or first seen) in the dataset's timezone. */
  signupMonth: DimensionValuesSchema.optional(),
});
export type DimensionFilters = z.infer<typeof DimensionFiltersSchema>;
