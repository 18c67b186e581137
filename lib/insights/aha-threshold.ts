import { formatNumber, formatPercent } from "../definitions/plain-numbers";
import { countBehaviorNoun } from "./behavior-phrases";
import { compareWithWithout, type OutcomeCount } from "./group-comparison";
import type { AhaThreshold, Outcome, ThresholdPoint } from "./insights.types";
import { CAUSATION_CAVEAT, outcomeNoun } from "./outcome-wording";

/** Thresholds tried: k = 1..10 ("≥ 10" is the last bucket the SQL keeps). */
export const MAX_THRESHOLD_K = 10;

/** Users who did a counted behavior exactly `count` times (the last bucket: ≥ MAX_THRESHOLD_K); count ≥ 1. */
export interface CountBucket extends OutcomeCount {
  count: number;
}

export interface ThresholdInput {
  kind: "event" | "feature" | "sessions";
  subject: string;
  /** Buckets of users with count ≥ 1; users with 0 are `total` minus their sum. */
  buckets: readonly CountBucket[];
  total: OutcomeCount;
  outcome: Outcome;
  days: number;
  window: number;
}

/**
 * For k = 1..MAX_THRESHOLD_K: users with ≥ k against users with < k (including 0).
 * @example thresholdCurve([{ count: 1, users: 10, outcomes: 2 }, { count: 2, users: 10, outcomes: 8 }], { users: 40, outcomes: 12 })
 *   // k = 1: 10/20 vs 2/20; k = 2: 8/10 vs 4/30; k ≥ 3: nobody with
 */
export function thresholdCurve(buckets: readonly CountBucket[], total: OutcomeCount): ThresholdPoint[] {
  const curve: ThresholdPoint[] = [];
  for (let k = 1; k <= MAX_THRESHOLD_K; k++) {
    const withGroup = { users: 0, outcomes: 0 };
    for (const bucket of buckets) {
      if (bucket.count >= k) {
        withGroup.users += bucket.users;
        withGroup.outcomes += bucket.outcomes;
      }
    }
    const comparison = compareWithWithout(withGroup, total);
    curve.push({
      k,
      usersWith: comparison.usersWith,
      usersWithout: comparison.usersWithout,
      rateWith: comparison.rateWith,
      rateWithout: comparison.rateWithout,
      difference: comparison.difference,
      coverage: comparison.coverage,
      score: comparison.score,
      smallSample: comparison.smallSample,
    });
  }
  return curve;
}

/**
 * The best threshold: the k with the highest score (|difference| ×
 * √(coverage(1 − coverage)), as the behavior ranking) among points that are
 * not small samples; the smaller k on a tie (simpler advice, more reach).
 * Null when no point qualifies or every score is 0 (the behavior separates nothing).
 */
export function bestThreshold(curve: readonly ThresholdPoint[]): number | null {
  let best: ThresholdPoint | null = null;
  for (const point of curve) {
    if (point.smallSample || point.score <= 0) continue;
    if (best === null || point.score > best.score) best = point;
  }
  return best?.k ?? null;
}

/**
 * The curve, the best k and its sentence: "3+ sessions in the first 7 days:
 * Day-28 retention 61% vs 18%, covers 34% of new users (n = 1,700 vs 3,300) — correlation, not causation."
 */
export function ahaThreshold(input: ThresholdInput): AhaThreshold {
  const curve = thresholdCurve(input.buckets, input.total);
  const bestK = bestThreshold(curve);
  const point = bestK === null ? null : curve[bestK - 1]!;
  const sentence =
    point === null
      ? null
      : `${countBehaviorNoun(input.kind, input.subject, point.k, input.days)}: ${outcomeNoun(input.outcome, input.window)} ` +
        `${formatPercent(point.rateWith!)} vs ${formatPercent(point.rateWithout!)}, covers ${formatPercent(point.coverage)} of new users ` +
        `(n = ${formatNumber(point.usersWith, 0)} vs ${formatNumber(point.usersWithout, 0)}) — ${CAUSATION_CAVEAT}.`;
  return { kind: input.kind, subject: input.subject, curve, bestK, sentence };
}
