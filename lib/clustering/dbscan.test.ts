import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./ari";
import { dbscan, dbscanRows, defaultMinPts, kDistances, kneeIndex } from "./dbscan";
import { plantedClusters } from "./planted-clusters";
import { standardize } from "./standardize";

// Two unit squares with their centres, and two isolated points (5, 5) and (20, 0).
const fixture = Object.freeze({
  data: Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1, 0.5, 0.5, 10, 10, 10, 11, 11, 10, 11, 11, 10.5, 10.5, 5, 5, 20, 0),
  rows: 12,
  dims: 2,
});

describe("dbscanRows", () => {
  it("finds the two dense squares and the known noise points", () => {
    // eps 1.5 covers a square's sides (1), diagonal (√2) and centre (√0.5): each of its 5 points has 5 neighbours ≥ minPts 4 → core.
    // (5, 5) and (20, 0) have only themselves → noise.
    const { labels, clusters, core } = dbscanRows(fixture, 1.5, 4);
    expect(Array.from(labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1, -1]);
    expect(clusters).toBe(2);
    expect(Array.from(core)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });

  it("makes a non-core point within eps of a core point a border point", () => {
    // Points 0, 1, 2 and 3.4 on a line, eps 1.5, minPts 3: 0 has {0, 1} → not core; 1 has {0, 1, 2} → core;
    // 2 has {1, 2, 3.4} → core; 3.4 has {2, 3.4} → border. One cluster, no noise.
    const { labels, core } = dbscanRows({ data: Float64Array.of(0, 1, 2, 3.4), rows: 4, dims: 1 }, 1.5, 3);
    expect(Array.from(labels)).toEqual([0, 0, 0, 0]);
    expect(Array.from(core)).toEqual([0, 1, 1, 0]);
  });
});

describe("k-distance and eps suggestion", () => {
  it("sorts each row's distance to its k-th nearest other row", () => {
    // 0, 1, 3, 7 with k = 1: 1, 1, 2, 4.  k = 2: 0 → 3, 1 → 2, 3 → 3, 7 → 6.
    const points = { data: Float64Array.of(0, 1, 3, 7), rows: 4, dims: 1 };
    expect(Array.from(kDistances(points, 1))).toEqual([1, 1, 2, 4]);
    expect(Array.from(kDistances(points, 2))).toEqual([2, 3, 3, 6]);
  });

  it("puts the knee where the curve leaves its flat part", () => {
    // Scaled: x = i/4, y = (d − 1)/9 → x − y = 0, 0.25, 0.5, 0.75, 0: the knee is index 3.
    expect(kneeIndex(Float64Array.of(1, 1, 1, 1, 10))).toBe(3);
    expect(kneeIndex(Float64Array.of(2, 2, 2))).toBe(2);
  });

  it("uses 2 × dimensions as minPts, at least 3", () => {
    expect(defaultMinPts(1)).toBe(3);
    expect(defaultMinPts(8)).toBe(16);
  });
});

describe("dbscan", () => {
  it("reports noise over all rows and states its sample", () => {
    const result = dbscan(fixture, { eps: 1.5, minPts: 4 });
    expect(result).toMatchObject({ eps: 1.5, minPts: 4, sampleSize: 12, clusters: 2, noise: 2, corePoints: 10 });
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1, -1]);
  });

  it("clusters exact duplicates instead of failing when the suggested eps would be 0", () => {
    // 10 copies of (0, 0) and 10 of (5, 5): every 3rd-nearest distance is 0.
    const data = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 5));
    const result = dbscan({ data, rows: 20, dims: 2 }, { minPts: 4 });
    expect(result.epsSuggested).toBeGreaterThan(0);
    expect(result.clusters).toBe(2);
    expect(result.noise).toBe(0);
  });

  it("recovers planted clusters from a sample and assigns the rest through core points (ARI ≥ 0.8)", () => {
    const planted = plantedClusters({ users: 20_000, dims: 4, weights: [0.5, 0.3, 0.2], seed: 3 });
    const points = standardize(planted.store, planted.features);
    const result = dbscan(points, { sampleSize: 2_000 });
    expect(result.sampleSize).toBe(2_000);
    expect(result.eps).toBe(result.epsSuggested);
    expect(result.clusters).toBe(3);
    expect(adjustedRandIndex(planted.truth, result.labels)).toBeGreaterThanOrEqual(0.8);
    expect(result.noise).toBeLessThan(20_000 * 0.05);
    expect(result.kDistanceCurve).toHaveLength(100);
    expect(result.kDistanceCurve.at(-1)!.share).toBe(1);
  });
});
