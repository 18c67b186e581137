import { describe, expect, it } from "vitest";
import { NOT_CLUSTERED } from "../definitions/clusters";
import { HAND_MADE_CLUSTERS } from "../definitions/clusters-fixture";
import { scoreClusters } from "./clusters";
import { createFeatureStore } from "./feature-store";
import { scoreModel } from "./score-model";

// z = ((x − 2) / 2, log2((1 + frequency) / 4)); centroids Light (−1, −1), Regular (0, 0.5), Heavy (2, 2).
const store = createFeatureStore({
  userIds: ["u1", "u2", "u3", "u4", "u5", "u6"],
  asOf: null,
  columns: {
    sessionsPerWeek: Float64Array.of(0, 3, 5, 2, Number.NaN, 1),
    frequency: Float64Array.of(1, 7, 15, Number.NaN, 3, 3),
  },
});

describe("scoreClusters", () => {
  it("puts each user in the nearest saved centroid's cluster, on the saved (log) scale", () => {
    // u1 (0, 1)  → z (−1, −1): on Light, distance 0.
    // u2 (3, 7)  → z (0.5, log2 2 = 1): d² Light 1.5² + 2² = 6.25, Regular 0.5² + 0.5² = 0.5, Heavy 1.5² + 1² = 3.25 → Regular, √0.5.
    // u3 (5, 15) → z (1.5, log2 4 = 2): d² Regular 1.5² + 1.5² = 4.5, Heavy 0.5² + 0 = 0.25 → Heavy, 0.5.
    //   (Without the log, frequency 15 would be z (15 − ln 4)/ln 2 ≈ 19.6: only the saved transform puts u3 beside Heavy.)
    // u4 no frequency, u5 no sessions/week → Not clustered, score NaN.
    // u6 (1, 3)  → z (−0.5, 0): d² Light 0.25 + 1 = 1.25, Regular 0.25 + 0.25 = 0.5 → Regular, √0.5.
    const result = scoreClusters(store, HAND_MADE_CLUSTERS);
    expect(result.segments).toEqual(["Light", "Regular", "Heavy", NOT_CLUSTERED]);
    expect([...result.labels].map((label) => result.segments[label])).toEqual(["Light", "Regular", "Heavy", NOT_CLUSTERED, NOT_CLUSTERED, "Regular"]);
    const scores = result.scores!;
    expect(scores[0]).toBeCloseTo(0, 12);
    expect(scores[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(scores[2]).toBeCloseTo(0.5, 12);
    expect(scores[3]).toBeNaN();
    expect(scores[4]).toBeNaN();
    expect(scores[5]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(result.warnings).toEqual([]);
  });

  it("is what scoreModel does for the clusters model", () => {
    expect(scoreModel("clusters", store, HAND_MADE_CLUSTERS)).toEqual(scoreClusters(store, HAND_MADE_CLUSTERS));
  });

  it("warns when a feature has no values in the dataset, and clusters nobody", () => {
    const partial = createFeatureStore({ userIds: ["a"], asOf: null, columns: { sessionsPerWeek: Float64Array.of(1) } });
    const result = scoreClusters(partial, HAND_MADE_CLUSTERS);
    expect([...result.labels]).toEqual([3]);
    expect(result.warnings).toEqual([`Frequency has no values in this dataset: every user is "${NOT_CLUSTERED}"`]);
  });
});
