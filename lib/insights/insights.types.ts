import { z } from "zod";

/**
 * Outcomes, observed over an outcome window of W local days after the
 * first-seen day (default 28, the window of the `retained` feature), for users
 * first seen at least W days before the features' as-of day:
 * - retained: active on a local day ≥ W days after the first-seen day (= the `retained` feature for W = 28);
 * - converted: the conversion event within local days 0 … W − 1 (converted_at);
 * - churned: not retained, or cancelled (the cancel event) before the as-of.
 */
export const outcomeSchema = z.enum(["retained", "converted", "churned"]);
export type Outcome = z.infer<typeof outcomeSchema>;

/** Behaviors are read in the first D local days; D ≤ the 28-day outcome window so behavior never overlaps "later". */
export const MAX_BEHAVIOR_DAYS = 28;
export const MAX_TOP_EVENTS = 30;
export const MAX_OUTCOME_WINDOW_DAYS = 182;

/** Query string of GET /api/datasets/[name]/insights (and the CLI flags). */
export const insightsQuerySchema = z
  .object({
    outcome: outcomeSchema.default("retained"),
    days: z.coerce.number().int().min(1).max(MAX_BEHAVIOR_DAYS).default(7),
    /** Outcome window W in days (Day-W retention, conversion within W days). */
    window: z.coerce.number().int().min(7).max(MAX_OUTCOME_WINDOW_DAYS).default(28),
    top: z.coerce.number().int().min(1).max(MAX_TOP_EVENTS).default(20),
  })
  .refine((query) => query.days <= query.window, { message: "days must not exceed the outcome window", path: ["days"] });
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

/** A rate or statistic that may be undefined (0/0, empty margin): null, never an invented 0. */
const maybeNumber = z.number().nullable();

export const behaviorKindSchema = z.enum(["event", "feature", "sessions", "channel", "plan"]);
export type BehaviorKind = z.infer<typeof behaviorKindSchema>;

export const behaviorInsightSchema = z.object({
  id: z.string(),
  kind: behaviorKindSchema,
  /** Event name, channel or plan value; "" for sessions. */
  subject: z.string(),
  /** "did X ≥ k times": k (1 = at least once); null for channel and plan. */
  minCount: z.number().int().nullable(),
  /** Plain words: "did invite_teammate in their first 7 days". */
  label: z.string(),
  usersWith: z.number().int(),
  usersWithout: z.number().int(),
  outcomesWith: z.number().int(),
  outcomesWithout: z.number().int(),
  rateWith: maybeNumber,
  rateWithout: maybeNumber,
  lift: maybeNumber,
  /** rateWith − rateWithout, with Newcombe's 95% hybrid score interval. */
  difference: maybeNumber,
  differenceLower: maybeNumber,
  differenceUpper: maybeNumber,
  phi: maybeNumber,
  /** Share of eligible users with the behavior. */
  coverage: z.number(),
  /** |difference| × √(coverage × (1 − coverage)): the ranking criterion. */
  score: z.number(),
  direction: z.enum(["raises", "lowers"]),
  smallSample: z.boolean(),
  sentence: z.string(),
});
export type BehaviorInsight = z.infer<typeof behaviorInsightSchema>;

export const thresholdPointSchema = z.object({
  k: z.number().int(),
  usersWith: z.number().int(),
  usersWithout: z.number().int(),
  rateWith: maybeNumber,
  rateWithout: maybeNumber,
  difference: maybeNumber,
  coverage: z.number(),
  score: z.number(),
  smallSample: z.boolean(),
});
export type ThresholdPoint = z.infer<typeof thresholdPointSchema>;

export const ahaThresholdSchema = z.object({
  kind: z.enum(["event", "feature", "sessions"]),
  subject: z.string(),
  /** k = 1..MAX_THRESHOLD_K: users with ≥ k vs < k. */
  curve: z.array(thresholdPointSchema),
  /** The k with the highest score among points that are not small samples; null when every point is. */
  bestK: z.number().int().nullable(),
  sentence: z.string().nullable(),
});
export type AhaThreshold = z.infer<typeof ahaThresholdSchema>;

export const insightsSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  outcome: outcomeSchema,
  days: z.number().int(),
  /** The features' as-of (exclusive) and its local day; null when features were never computed. */
  asOf: z.string().nullable(),
  asOfDay: z.string().nullable(),
  outcomeWindowDays: z.number().int(),
  /** Users first seen at least outcomeWindowDays before the as-of day: the population compared. */
  eligibleUsers: z.number().int(),
  /** Users with features but first seen too recently for the outcome to be known. */
  tooRecentUsers: z.number().int(),
  outcomeUsers: z.number().int(),
  baseRate: maybeNumber,
  /** Exact words for the outcome, eligibility, ranking rule and caveats (shown under the table). */
  definition: z.string(),
  /** Ranked by score, samples that are large enough first. */
  raises: z.array(behaviorInsightSchema),
  lowers: z.array(behaviorInsightSchema),
  thresholds: z.array(ahaThresholdSchema),
});
export type Insights = z.infer<typeof insightsSchema>;
