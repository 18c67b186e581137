/**
 * Scores usage tiers (lib/definitions/usage-tiers.ts). Percent ranks of the
 * metric among active users are cached per (store, metric, window), so moving
 * the power or light share only re-compares.
 */
import { USAGE_TIER_SEGMENTS, type UsageTiersDefinition } from "../definitions/usage-tiers";
import { storeAsOf, type FeatureStore } from "./feature-store";
import { percentRanks } from "./percent-rank";
import type { ScoreOptions, Segmentation } from "./segmentation";
import { memoizeOn } from "./store-memo";

const POWER = 0;
const AVERAGE = 1;
const LIGHT = 2;
const EX_USER = 3;

/** 1 where the user had activity in the last `days` days (recency < days). */
function activeMask(recencyDays: Float64Array, days: number): Uint8Array {
  const mask = new Uint8Array(recencyDays.length);
  for (let i = 0; i < recencyDays.length; i++) mask[i] = +(recencyDays[i]! < days);
  return mask;
}

/**
 * `scores` holds each active user's percent rank by the metric (NaN for ex-users).
 * An active user without a metric value is a light user (no measured usage).
 */
export function scoreUsageTiers(store: FeatureStore, definition: UsageTiersDefinition, options: ScoreOptions = {}): Segmentation {
  const scoredStore = storeAsOf(store, options.asOf);
  const { metric, activeWithinDays, powerTopShare, lightBottomShare } = definition;
  const { active, ranks } = memoizeOn(
    scoredStore,
    `usageTiers:${metric}:${activeWithinDays}`,
    () => {
      const mask = activeMask(scoredStore.columns.recencyDays, activeWithinDays);
      return { active: mask, ranks: percentRanks(scoredStore.columns[metric], "ascending", mask) };
    },
    { group: "usageTiers", keep: 4 },
  );
  // 1 − 0.1 is not always exactly the percent rank 9/10 in floating point: allow rounding error.
  const powerFrom = 1 - powerTopShare - 1e-12;
  const lightBelow = lightBottomShare - 1e-12;
  const labels = new Uint16Array(scoredStore.size);
  for (let i = 0; i < labels.length; i++) {
    const rank = ranks[i]!;
    if (active[i] === 0) labels[i] = EX_USER;
    else if (rank >= powerFrom) labels[i] = POWER;
    else if (rank >= lightBelow) labels[i] = AVERAGE;
    else labels[i] = LIGHT; // also NaN: active but no value
  }
  const warnings = scoredStore.available.has(metric)
    ? []
    : [`${metric} has no values in this dataset: every active user is a light user`];
  return { labels, segments: [...USAGE_TIER_SEGMENTS], scores: ranks, warnings };
}
