import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./ari";
import { kmeans, kmeansPlusPlus } from "./kmeans";
import { plantedClusters } from "./planted-clusters";
import { seededRandom } from "./random-sample";
import { standardize } from "./standardize";

// Two squares of side 2: centroids (1, 1) and (11, 11); every corner is √2 from its centre.
const squares = Object.freeze({
  data: Float64Array.of(0, 0, 0, 2, 2, 0, 2, 2, 10, 10, 10, 12, 12, 10, 12, 12),
  rows: 8,
  dims: 2,
});

function sortedCentroids(centroids: Float64Array, dims: number): number[][] {
  const rows = Array.from({ length: centroids.length / dims }, (_, c) => Array.from(centroids.subarray(c * dims, (c + 1) * dims)));
  return rows.sort((a, b) => a[0]! - b[0]!);
}

describe("kmeans", () => {
  it("finds the known centroids of a tiny fixture", () => {
    const result = kmeans(squares, { k: 2 });
    expect(sortedCentroids(result.centroids, 2)).toEqual([
      [1, 1],
      [11, 11],
    ]);
    // Inertia: 8 corners × (1² + 1²) = 16.
    expect(result.inertia).toBe(16);
    expect(result.sizes).toEqual([4, 4]);
    expect(result.labels[0]).toBe(result.labels[3]);
    expect(result.labels[0]).not.toBe(result.labels[4]);
    expect(result.converged).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const planted = plantedClusters({ users: 2_000, dims: 3, weights: [1, 1, 1, 1], seed: 5 });
    const points = standardize(planted.store, planted.features);
    const first = kmeans(points, { k: 4, seed: 9 });
    const second = kmeans(points, { k: 4, seed: 9 });
    expect(second.labels).toEqual(first.labels);
    expect(second.centroids).toEqual(first.centroids);
  });

  it("recovers planted clusters (ARI ≥ 0.8), fitting restarts on a sample and refining on all rows", () => {
    const planted = plantedClusters({ users: 30_000, dims: 8, weights: [0.4, 0.25, 0.15, 0.12, 0.08], seed: 7 });
    const points = standardize(planted.store, planted.features);
    const result = kmeans(points, { k: 5, fitSampleSize: 5_000 });
    expect(result.fitSampleSize).toBe(5_000);
    expect(adjustedRandIndex(planted.truth, result.labels)).toBeGreaterThanOrEqual(0.8);
    expect(result.sizes.reduce((sum, size) => sum + size, 0)).toBe(30_000);
  });

  it("k-means++ picks distinct points as centres, the first uniformly", () => {
    const centres = kmeansPlusPlus(squares, 2, seededRandom(1));
    const [a, b] = sortedCentroids(centres, 2);
    // After a first centre in one square, the far square holds ~99% of the D² mass.
    expect(a![0]! < 5).toBe(true);
    expect(b![0]! > 5).toBe(true);
  });

  it("refuses k larger than the number of rows", () => {
    expect(() => kmeans(squares, { k: 9 })).toThrow("8 users cannot form 9 clusters");
    expect(() => kmeans(squares, { k: 0 })).toThrow(RangeError);
  });
});
