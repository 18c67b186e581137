/**
 * Scores the engagement score (lib/definitions/engagement-score.ts).
 *
 * Means, standard deviations, correlations and the per-user scores depend only
 * on (store, metrics, outcome, weighting), so they are computed once and cached;
 * moving a tier cut point only re-compares.
 *
 * Policies, stated: a user's missing metric value counts as the mean (z = 0)
 * rather than dropping the user; a metric with no spread (sd 0) or no
 * measurable correlation (NaN) gets weight 0.
 */
import type { EngagementScoreDefinition } from "../definitions/engagement-score";
import type { MetricFeatureName } from "../definitions/features";
import { formatNumber } from "../definitions/plain-numbers";
import { storeAsOf, type FeatureStore } from "./feature-store";
import type { ScoreOptions, Segmentation } from "./segmentation";
import { mean, pearsonCorrelation, populationStandardDeviation } from "./statistics";
import { memoizeOn } from "./store-memo";

export interface EngagementMetricWeight {
  metric: MetricFeatureName;
  mean: number;
  standardDeviation: number;
  /** Pearson r with the outcome (NaN when it cannot be measured). */
  correlation: number;
  /** Share of the score (weights sum to 1 in absolute value); 0 for a dropped metric. */
  weight: number;
}

export interface EngagementModel {
  weights: EngagementMetricWeight[];
  scores: Float64Array;
  warnings: string[];
}

export interface EngagementSegmentation extends Segmentation {
  scores: Float64Array;
  weights: EngagementMetricWeight[];
}

/**
 * Correlation weights: keep metrics with r ≥ the average r of the measurable
 * candidates and r > 0, weight ∝ r. When none qualifies, equal weights (said in a warning).
 */
export function correlationWeights(correlations: readonly number[]): { weights: number[]; fellBack: boolean } {
  const measurable = correlations.filter((r) => r === r);
  const averageCorrelation = measurable.length > 0 ? measurable.reduce((sum, r) => sum + r, 0) / measurable.length : Number.NaN;
  // "At least the average" with room for rounding: (0.6 + 0.2 + 0.4) / 3 is 0.4000000000000001 in doubles.
  const keepFrom = averageCorrelation - 1e-12;
  const raw = correlations.map((r) => (r === r && r >= keepFrom && r > 0 ? r : 0));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  if (total > 0) return { weights: raw.map((weight) => weight / total), fellBack: false };
  return { weights: correlations.map(() => 1 / correlations.length), fellBack: true };
}

export function buildEngagementModel(store: FeatureStore, definition: EngagementScoreDefinition): EngagementModel {
  const warnings: string[] = [];
  const outcome = store.columns[definition.outcome];
  const stats = definition.metrics.map((metric) => {
    const column = store.columns[metric];
    return {
      metric,
      column,
      mean: mean(column),
      standardDeviation: populationStandardDeviation(column),
      correlation: pearsonCorrelation(column, outcome),
    };
  });
  // A metric without spread cannot be z-scored: it contributes nothing.
  const usable = stats.map((stat) => stat.standardDeviation > 0);

  let weights: number[];
  if (definition.weighting.mode === "manual") {
    const given = definition.weighting.weights;
    const raw = stats.map((stat, k) => (usable[k] ? (given[stat.metric] ?? 0) : 0));
    const total = raw.reduce((sum, weight) => sum + Math.abs(weight), 0);
    weights = raw.map((weight) => (total > 0 ? weight / total : 0));
  } else {
    const fitted = correlationWeights(stats.map((stat, k) => (usable[k] ? stat.correlation : Number.NaN)));
    weights = fitted.weights.map((weight, k) => (usable[k] ? weight : 0));
    if (fitted.fellBack) {
      const usableCount = usable.filter(Boolean).length;
      weights = usable.map((ok) => (ok && usableCount > 0 ? 1 / usableCount : 0));
      warnings.push(
        store.available.has(definition.outcome)
          ? `No metric correlates positively with ${definition.outcome}: the metrics are weighted equally`
          : `${definition.outcome} has no values in this dataset: the metrics are weighted equally`,
      );
    }
  }
  for (const [k, stat] of stats.entries()) {
    if (!usable[k]) warnings.push(`${stat.metric} has no spread in this dataset (every value ${formatNumber(stat.mean)}): left out`);
  }

  const scores = new Float64Array(store.size);
  for (const [k, stat] of stats.entries()) {
    const weight = weights[k]!;
    if (weight === 0) continue;
    const column = stat.column;
    const scale = weight / stat.standardDeviation;
    const center = stat.mean;
    for (let i = 0; i < scores.length; i++) {
      const value = column[i]!;
      if (value === value) scores[i]! += (value - center) * scale; // missing value: z = 0
    }
  }
  return {
    weights: stats.map((stat, k) => ({
      metric: stat.metric,
      mean: stat.mean,
      standardDeviation: stat.standardDeviation,
      correlation: stat.correlation,
      weight: weights[k]!,
    })),
    scores,
    warnings,
  };
}

export function scoreEngagement(
  store: FeatureStore,
  definition: EngagementScoreDefinition,
  options: ScoreOptions = {},
): EngagementSegmentation {
  const scoredStore = storeAsOf(store, options.asOf);
  const key = `engagement:${JSON.stringify([definition.metrics, definition.outcome, definition.weighting])}`;
  // Keep the last few fitted models: enough to flip between settings, bounded while weights are dragged.
  const model = memoizeOn(scoredStore, key, () => buildEngagementModel(scoredStore, definition), { group: "engagement", keep: 4 });
  const { tiers } = definition;
  const cuts = Float64Array.from(tiers, (tier) => tier.minScore);
  const fallbackIndex = tiers.length;
  const labels = new Uint16Array(scoredStore.size);
  const scores = model.scores;
  for (let i = 0; i < labels.length; i++) {
    const score = scores[i]!;
    let tier = 0;
    while (tier < fallbackIndex && !(score >= cuts[tier]!)) tier++;
    labels[i] = tier;
  }
  return {
    labels,
    segments: [...tiers.map((tier) => tier.name), definition.fallback],
    scores,
    weights: model.weights,
    warnings: model.warnings,
  };
}
