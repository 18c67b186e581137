/**
 * PERCENT_RANK() with SQL's exact semantics, over typed arrays.
 *
 *   percent rank = (rank − 1) / (n − 1),   and 0 when n = 1
 *
 * where rank is the SQL RANK(): 1 + the number of values ranked strictly before
 * this one, so ties share the lowest rank (values 10, 20, 20, 30 get ranks
 * 1, 2, 2, 4 and percent ranks 0, 1/3, 1/3, 1). Ascending order ranks small
 * values first; descending ranks large values first (recency: fewer days since
 * last activity ranks higher, so ORDER BY recency_days DESC gives the most
 * recent users the largest percent rank).
 *
 * Nulls (NaN) are not ranked: they get NaN and do not count in n. (PostgreSQL
 * would sort NULLs last in ASC and first in DESC; ranking "no value" as a real
 * value would make a user's score depend on how many others lack one.)
 *
 * Cost: one sort of the ranked values plus a binary search per user —
 * O(n log n), ≈0.1 s for a million users; cached per store (see rankedOnStore).
 */
import type { FeatureName } from "../definitions/features";
import type { FeatureStore } from "./feature-store";
import { identityKey, memoizeOn } from "./store-memo";

export type RankOrder = "ascending" | "descending";

/** Index of the first sorted value ≥ target (= how many values are < target). */
function lowerBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first sorted value > target (= how many values are ≤ target). */
function upperBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Percent rank of every value among the values where `include` is 1 (all when
 * omitted). Excluded and NaN values get NaN.
 * @example percentRanks(Float64Array.of(10, 20, 20, 30), "ascending") // [0, 1/3, 1/3, 1]
 */
export function percentRanks(values: Float64Array, order: RankOrder, include?: Uint8Array): Float64Array {
  const n = values.length;
  let rankedCount = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (value === value && (!include || include[i] === 1)) rankedCount++;
  }
  const sorted = new Float64Array(rankedCount);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (value === value && (!include || include[i] === 1)) sorted[k++] = value;
  }
  sorted.sort(); // typed-array sort is numeric

  const ranks = new Float64Array(n).fill(Number.NaN);
  const denominator = rankedCount - 1;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (value !== value || (include && include[i] !== 1)) continue;
    // rank − 1 = how many values are ranked strictly before this one
    const before = order === "ascending" ? lowerBound(sorted, value) : rankedCount - upperBound(sorted, value);
    ranks[i] = denominator === 0 ? 0 : before / denominator;
  }
  return ranks;
}

/**
 * Percent ranks of a store's feature, computed once per (store, feature, order,
 * population) and then reused: moving a cut point re-scores from this cache.
 * `within` ranks inside a sub-population (a filter mask). Those ranks are
 * cached on the mask itself, so they are dropped with it; the mask must not be
 * mutated after use.
 */
export function rankedOnStore(
  store: FeatureStore,
  feature: FeatureName,
  order: RankOrder,
  within?: Uint8Array,
): Float64Array {
  const compute = () => percentRanks(store.columns[feature], order, within);
  if (!within) return memoizeOn(store, `percentRank:${feature}:${order}`, compute);
  return memoizeOn(within, `percentRank:store#${identityKey(store)}:${feature}:${order}`, compute);
}
