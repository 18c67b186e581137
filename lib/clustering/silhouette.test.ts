import { describe, expect, it } from "vitest";
import { plantedClusters } from "./planted-clusters";
import { chooseK, sampledSilhouette, silhouette, silhouetteSample } from "./silhouette";
import { standardize } from "./standardize";

const line = (...values: number[]) => ({ data: Float64Array.from(values), rows: values.length, dims: 1 });

describe("silhouette", () => {
  it("equals the hand-computed mean of s(i)", () => {
    // Points 0, 1 | 4, 6.  s = (b − a)/max(a, b):
    // 0: a 1, b (4+6)/2 = 5 → 0.8;  1: a 1, b (3+5)/2 = 4 → 0.75;
    // 4: a 2, b (4+3)/2 = 3.5 → 3/7;  6: a 2, b (6+5)/2 = 5.5 → 7/11.
    const expected = (0.8 + 0.75 + 3 / 7 + 7 / 11) / 4;
    expect(silhouette(line(0, 1, 4, 6), Int32Array.of(0, 0, 1, 1))).toBeCloseTo(expected, 12);
  });

  it("counts a point alone in its cluster as 0 and leaves noise out", () => {
    // Adding 20 as its own cluster changes no b above (20 is farther), and adds s = 0: the sum over 5 points.
    const sum = 0.8 + 0.75 + 3 / 7 + 7 / 11;
    expect(silhouette(line(0, 1, 4, 6, 20), Int32Array.of(0, 0, 1, 1, 2))).toBeCloseTo(sum / 5, 12);
    expect(silhouette(line(0, 1, 4, 6, 20), Int32Array.of(0, 0, 1, 1, -1))).toBeCloseTo(sum / 4, 12);
    expect(sampledSilhouette(line(0, 1, 4, 6, 20), Int32Array.of(0, 0, 1, 1, -1), Int32Array.of(0, 1, 2, 3, 4))).toEqual({
      score: expect.closeTo(sum / 4, 12),
      sampleSize: 4,
    });
  });

  it("is 0 with a single cluster", () => {
    expect(silhouette(line(0, 1, 2), Int32Array.of(0, 0, 0))).toBe(0);
  });

  it("draws a fixed sample per seed", () => {
    const sample = silhouetteSample(10_000, 2_000, 3);
    expect(sample.length).toBe(2_000);
    expect(new Set(sample).size).toBe(2_000);
    expect(silhouetteSample(10_000, 2_000, 3)).toEqual(sample);
    expect(silhouetteSample(50, 2_000, 3)).toEqual(Int32Array.from({ length: 50 }, (_, i) => i));
  });
});

describe("chooseK", () => {
  it("picks the planted number of clusters and returns the curve over 2..10", () => {
    const planted = plantedClusters({ users: 3_000, dims: 4, weights: [0.5, 0.3, 0.2], seed: 11 });
    const points = standardize(planted.store, planted.features);
    const chosen = chooseK(points, { sample: silhouetteSample(points.rows, 1_000) });
    expect(chosen.k).toBe(3);
    expect(chosen.curve.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const best = Math.max(...chosen.curve.map((point) => point.silhouette));
    expect(chosen.curve[1]!.silhouette).toBe(best);
    expect(chosen.silhouetteSampleSize).toBe(1_000);
  });
});
