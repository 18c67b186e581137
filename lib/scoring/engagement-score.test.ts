import { describe, expect, it } from "vitest";
import { DEFAULT_ENGAGEMENT_SCORE, describeEngagementScoreCriteria, type EngagementScoreDefinition } from "../definitions/engagement-score";
import { correlationWeights, scoreEngagement } from "./engagement-score";
import { fromRows } from "./feature-store";
import { featureRow } from "./test-feature-rows";

/*
 * Four users, three candidate metrics, outcome = converted.
 *
 *   user  sessionsPerWeek (a)  coreFeaturesUsed (b)  activeDays30d (c)  converted (y)
 *   u1            1                    0                    4                 0
 *   u2            2                    1                    1                 0
 *   u3            3                    1                    3                 1
 *   u4            6                    2                    0                 1
 *
 * y: mean 0.5, deviations −.5 −.5 .5 .5, Σdy² = 1
 * a: mean 3, deviations −2 −1 0 3, Σ = 14, sd = √(14/4) = √3.5;  Σda·dy = 1 + .5 + 0 + 1.5 = 3;  r = 3/√14 ≈ 0.8018
 * b: mean 1, deviations −1 0 0 1,  Σ = 2,  sd = √0.5;            Σdb·dy = .5 + 0 + 0 + .5 = 1;    r = 1/√2 ≈ 0.7071
 * c: mean 2, deviations 2 −1 1 −2, Σ = 10, sd = √2.5;            Σdc·dy = −1 + .5 + .5 − 1 = −1;  r = −1/√10 ≈ −0.3162
 * average r ≈ (0.8018 + 0.7071 − 0.3162) / 3 ≈ 0.3976 → keep a and b, drop c
 * weights: a = r_a / (r_a + r_b) ≈ 0.5314, b ≈ 0.4686
 * z_a: −2/√3.5, −1/√3.5, 0, 3/√3.5;  z_b: −1/√0.5, 0, 0, 1/√0.5
 * scores ≈ u1 −1.2308, u2 −0.2840, u3 0, u4 1.5148
 * tiers (≥ 0.5 high, ≥ −0.5 moderate): u1 low, u2 moderate, u3 moderate, u4 high
 */
const rows = Object.freeze([
  featureRow("u1", { sessionsPerWeek: 1, coreFeaturesUsed: 0, activeDays30d: 4, converted: 0 }),
  featureRow("u2", { sessionsPerWeek: 2, coreFeaturesUsed: 1, activeDays30d: 1, converted: 0 }),
  featureRow("u3", { sessionsPerWeek: 3, coreFeaturesUsed: 1, activeDays30d: 3, converted: 1 }),
  featureRow("u4", { sessionsPerWeek: 6, coreFeaturesUsed: 2, activeDays30d: 0, converted: 1 }),
]);
const definition: EngagementScoreDefinition = Object.freeze({
  ...DEFAULT_ENGAGEMENT_SCORE,
  metrics: ["sessionsPerWeek", "coreFeaturesUsed", "activeDays30d"] satisfies EngagementScoreDefinition["metrics"],
});

describe("scoreEngagement", () => {
  it("weights metrics by their correlation with the outcome and keeps those at or above the average", () => {
    const result = scoreEngagement(fromRows(rows), definition);
    const ra = 3 / Math.sqrt(14);
    const rb = 1 / Math.sqrt(2);
    const [a, b, c] = result.weights;
    expect(a!.correlation).toBeCloseTo(ra, 12);
    expect(b!.correlation).toBeCloseTo(rb, 12);
    expect(c!.correlation).toBeCloseTo(-1 / Math.sqrt(10), 12);
    expect(a!.weight).toBeCloseTo(ra / (ra + rb), 12);
    expect(b!.weight).toBeCloseTo(rb / (ra + rb), 12);
    expect(c!.weight).toBe(0);
    expect(a!.standardDeviation).toBeCloseTo(Math.sqrt(3.5), 12);

    const wa = ra / (ra + rb);
    const wb = rb / (ra + rb);
    const expected = [
      wa * (-2 / Math.sqrt(3.5)) + wb * (-1 / Math.sqrt(0.5)),
      wa * (-1 / Math.sqrt(3.5)),
      0,
      wa * (3 / Math.sqrt(3.5)) + wb * (1 / Math.sqrt(0.5)),
    ];
    [...result.scores].forEach((score, i) => expect(score).toBeCloseTo(expected[i]!, 12));
    expect(result.scores[0]).toBeCloseTo(-1.2308, 4);
    expect(result.scores[3]).toBeCloseTo(1.5148, 4);
    expect([...result.labels].map((label) => result.segments[label])).toEqual([
      "Low engagement",
      "Moderately engaged",
      "Moderately engaged",
      "Highly engaged",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("re-tiers from the cached scores when only the cut points move", () => {
    const store = fromRows(rows);
    const first = scoreEngagement(store, definition);
    const moved = scoreEngagement(store, { ...definition, tiers: [{ name: "Highly engaged", minScore: -0.3 }] });
    expect(moved.scores).toBe(first.scores);
    // u2 ≈ −0.284 ≥ −0.3
    expect([...moved.labels]).toEqual([1, 0, 0, 0]);
  });

  it("uses manual weights as given (normalised)", () => {
    const manual = scoreEngagement(fromRows(rows), {
      ...definition,
      weighting: { mode: "manual", weights: { sessionsPerWeek: 1, coreFeaturesUsed: 1 } },
    });
    // each weight 0.5: u4 = 0.5 · 3/√3.5 + 0.5 · 1/√0.5
    expect(manual.scores[3]).toBeCloseTo(0.5 * (3 / Math.sqrt(3.5)) + 0.5 * Math.sqrt(2), 12);
    expect(manual.weights.map((weight) => weight.weight)).toEqual([0.5, 0.5, 0]);
  });

  it("falls back to equal weights, and says so, when nothing correlates", () => {
    const noneConverted = rows.map((row) => ({ ...row, converted: 0 }));
    const result = scoreEngagement(fromRows(noneConverted), definition);
    expect(result.weights.map((weight) => weight.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(result.warnings).toEqual(["No metric correlates positively with converted: the metrics are weighted equally"]);
  });

  it("treats a missing value as the mean", () => {
    const withGap = [...rows, featureRow("u5", { sessionsPerWeek: Number.NaN, coreFeaturesUsed: 1, activeDays30d: 2 })];
    const result = scoreEngagement(fromRows(withGap), { ...definition, weighting: { mode: "manual", weights: { sessionsPerWeek: 1 } } });
    expect(result.scores[4]).toBe(0);
  });
});

describe("correlationWeights", () => {
  it("keeps correlations at or above the average, positive only", () => {
    // average of 0.6, 0.2, 0.4 = 0.4 → keep 0.6 and 0.4 → 0.6, 0, 0.4 over 1.0
    const { weights, fellBack } = correlationWeights([0.6, 0.2, 0.4]);
    expect(weights[0]).toBeCloseTo(0.6, 12);
    expect(weights[1]).toBe(0);
    expect(weights[2]).toBeCloseTo(0.4, 12);
    expect(fellBack).toBe(false);
    expect(correlationWeights([-0.5, -0.2]).fellBack).toBe(true);
    expect(correlationWeights([Number.NaN, 0.3]).weights).toEqual([0, 1]);
  });
});

describe("describeEngagementScoreCriteria", () => {
  it("describes the tiers by score", () => {
    expect(describeEngagementScoreCriteria(DEFAULT_ENGAGEMENT_SCORE)).toEqual([
      { segment: "Highly engaged", criteria: "engagement score ≥ 0.5" },
      { segment: "Moderately engaged", criteria: "engagement score ≥ −0.5 and < 0.5" },
      { segment: "Low engagement", criteria: "engagement score < −0.5" },
    ]);
  });
});
