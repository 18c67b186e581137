import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./ari";
import { cutTree, wardClustering, wardLinkage } from "./hierarchical";
import { plantedClusters } from "./planted-clusters";
import { standardize } from "./standardize";

describe("wardLinkage", () => {
  it("merges a tiny fixture in the known order at the known heights", () => {
    // Points 0, 1, 4, 10 (ids 0–3). Squared distances: (0,1) 1, (1,4) 9, (0,4) 16, (4,10) 36, (1,10) 81, (0,10) 100.
    // 1. {0,1} at √1 = 1 → cluster 4.
    // 2. Lance–Williams: D(4, {0,1}) = (2·16 + 2·9 − 1·1)/3 = 49/3; D(10, {0,1}) = (2·100 + 2·81 − 1)/3 = 361/3; D(4, 10) = 36.
    //    Smallest 49/3 → {0,1,4} at √(49/3) → cluster 5. (Check: 2·ΔESS = 2 · (2·1/3)(0.5 − 4)² = 49/3.)
    // 3. D(10, {0,1,4}) = (3·361/3 + 2·36 − 1·49/3)/4 = 625/6 → at √(625/6) (2·ΔESS = 2·(3/4)(10 − 5/3)² = 625/6).
    const merges = wardLinkage({ data: Float64Array.of(0, 1, 4, 10), rows: 4, dims: 1 });
    expect(merges).toEqual([
      { left: 0, right: 1, height: 1, size: 2 },
      { left: 2, right: 4, height: expect.closeTo(Math.sqrt(49 / 3), 12), size: 3 },
      { left: 3, right: 5, height: expect.closeTo(Math.sqrt(625 / 6), 12), size: 4 },
    ]);
    expect(Array.from(cutTree(merges, 4, 2))).toEqual([0, 0, 0, 1]);
    expect(Array.from(cutTree(merges, 4, 3))).toEqual([0, 0, 1, 2]);
    expect(Array.from(cutTree(merges, 4, 4))).toEqual([0, 1, 2, 3]);
  });

  it("orders merges by height even when the chain finds them out of order", () => {
    // 0, 10, 11, 30, 31: the chain starting at 0 walks to 10–11 first ({10,11} at 1) but {30,31} (also 1) is found later;
    // both come before {0} joining anything. Heights never decrease.
    const merges = wardLinkage({ data: Float64Array.of(0, 10, 11, 30, 31), rows: 5, dims: 1 });
    const heights = merges.map((merge) => merge.height);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
    expect(merges.slice(0, 2).map((merge) => [merge.left, merge.right])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe("wardClustering", () => {
  it("recovers planted clusters from a 1,000-row sample and assigns every row to the nearest centroid (ARI ≥ 0.8)", () => {
    const planted = plantedClusters({ users: 10_000, dims: 5, weights: [0.45, 0.35, 0.2], seed: 21 });
    const points = standardize(planted.store, planted.features);
    const result = wardClustering(points, { k: 3, sampleSize: 1_000 });
    expect(result.sampleSize).toBe(1_000);
    expect(result.labels).toHaveLength(10_000);
    expect(adjustedRandIndex(planted.truth, result.labels)).toBeGreaterThanOrEqual(0.8);
  });
});
