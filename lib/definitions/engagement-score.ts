/**
 * Engagement score: a weighted average of z-scored usage metrics, split into
 * tiers by cut points.
 *
 *   score_i = Σ_k w_k · z_k,i / Σ_k w_k,   z_k,i = (x_k,i − mean_k) / sd_k
 *
 * With weighting "correlation" (the default) the weights are learned from the
 * data: w_k = Pearson correlation of metric k with the outcome (converted, or a
 * retained flag), keeping only the metrics whose correlation is at least the
 * average correlation of the candidates (and positive: a metric that goes down
 * as users convert does not measure engagement). "manual" takes the weights as given.
 *
 * 0 is a typical user; 1 is about one standard deviation above on the kept metrics.
 */
import { z } from "zod";
import { finiteNumber } from "./condition";
import { FEATURES, MetricFeatureSchema, type MetricFeatureName } from "./features";
import { formatNumber } from "./plain-numbers";
import { SegmentNameSchema, duplicateNames, type SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

export const EngagementOutcomeSchema = z.enum(["converted", "retained"]);

const EngagementShape = z.strictObject({
  /** Candidate metrics. */
  metrics: z.array(MetricFeatureSchema).min(1).max(12),
  /** The 0/1 column correlation weights are learned against. */
  outcome: EngagementOutcomeSchema,
  weighting: z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("correlation") }),
    z.strictObject({ mode: z.literal("manual"), weights: z.record(z.string(), finiteNumber) }),
  ]),
  /** From the highest tier down: a user is in the first tier whose minScore they reach. */
  tiers: z.array(z.strictObject({ name: SegmentNameSchema, minScore: finiteNumber })).min(1).max(10),
  /** Users below every tier. */
  fallback: SegmentNameSchema,
});

export type EngagementScoreDefinition = z.output<typeof EngagementShape>;

export function engagementScoreProblems(definition: EngagementScoreDefinition): string[] {
  const problems: string[] = [];
  for (const duplicate of duplicateNames(definition.metrics)) {
    problems.push(`Metric "${duplicate.name}" is listed ${duplicate.positions.length} times`);
  }
  if (definition.weighting.mode === "manual") {
    const weights = definition.weighting.weights;
    for (const key of Object.keys(weights)) {
      if (!definition.metrics.includes(key as MetricFeatureName)) {
        problems.push(`A weight is given for "${key}", which is not one of the metrics`);
      }
    }
    const total = definition.metrics.reduce((sum, metric) => sum + Math.abs(weights[metric] ?? 0), 0);
    if (total === 0) problems.push("Every manual weight is 0 (or missing): give at least one metric a weight");
  }
  for (const duplicate of duplicateNames([...definition.tiers.map((tier) => tier.name), definition.fallback])) {
    problems.push(`Tier name "${duplicate.name}" is used ${duplicate.positions.length} times; names must be unique`);
  }
  definition.tiers.forEach((tier, index) => {
    const previous = definition.tiers[index - 1];
    if (previous && tier.minScore >= previous.minScore) {
      problems.push(
        `Tier ${index + 1} "${tier.name}" can never match: its minimum score ${formatNumber(tier.minScore)} is not below tier ${index} "${previous.name}" (${formatNumber(previous.minScore)}); list tiers from the highest score down`,
      );
    }
  });
  return problems;
}

export const EngagementScoreDefinitionSchema = EngagementShape.superRefine((definition, context) => {
  for (const message of engagementScoreProblems(definition)) context.addIssue({ code: "custom", message });
});

export const DEFAULT_ENGAGEMENT_SCORE: EngagementScoreDefinition = deepFreeze({
  metrics: ["sessionsPerWeek", "activeDays30d", "weeksActive12", "eventsPerActiveWeek", "coreFeaturesUsed", "sessions30d"],
  outcome: "converted",
  weighting: { mode: "correlation" },
  tiers: [
    { name: "Highly engaged", minScore: 0.5 },
    { name: "Moderately engaged", minScore: -0.5 },
  ],
  fallback: "Low engagement",
});

/** One sentence on how the score is made, for the info tooltip. */
export function describeEngagementScore(definition: EngagementScoreDefinition): string {
  const names = definition.metrics.map((metric) => FEATURES[metric].label.toLowerCase()).join(", ");
  const weighting =
    definition.weighting.mode === "correlation"
      ? `weighted by how strongly each correlates with ${definition.outcome} (metrics below the average correlation are left out)`
      : "with the weights given";
  return `Average of each user's z-scores of ${names}, ${weighting}. 0 = a typical user; 1 = one standard deviation above.`;
}

export function describeEngagementScoreCriteria(definition: EngagementScoreDefinition): SegmentCriteria[] {
  const tiers = definition.tiers.map((tier, index) => {
    const above = definition.tiers[index - 1];
    const criteria = above
      ? `engagement score ≥ ${formatNumber(tier.minScore)} and < ${formatNumber(above.minScore)}`
      : `engagement score ≥ ${formatNumber(tier.minScore)}`;
    return { segment: tier.name, criteria };
  });
  const lowest = definition.tiers[definition.tiers.length - 1]!;
  return [...tiers, { segment: definition.fallback, criteria: `engagement score < ${formatNumber(lowest.minScore)}` }];
}
