import { describe, expect, it } from "vitest";
import { ahaThreshold, bestThreshold, thresholdCurve } from "./aha-threshold";

// 100 eligible users, 30 retained. Session counts in the first 7 days:
//   1 session: 40 users, 4 retained · 2: 30 users, 9 retained · 3: 20 users, 12 retained · ≥ 10: 10 users, 5 retained.
const buckets = Object.freeze([
  { count: 1, users: 40, outcomes: 4 },
  { count: 2, users: 30, outcomes: 9 },
  { count: 3, users: 20, outcomes: 12 },
  { count: 10, users: 10, outcomes: 5 },
]);
const total = Object.freeze({ users: 100, outcomes: 30 });

describe("thresholdCurve", () => {
  it("compares ≥ k with < k for k = 1..10", () => {
    const curve = thresholdCurve(buckets, total);
    expect(curve).toHaveLength(10);
    // k = 1: everyone has ≥ 1 session: no "without" group.
    expect(curve[0]).toMatchObject({ k: 1, usersWith: 100, usersWithout: 0, rateWithout: null, coverage: 1, score: 0 });
    // k = 2: 60 users, 26 retained (43.3%) vs 40 users, 4 retained (10%): difference 1/3, coverage 0.6,
    // score = (1/3) × √(0.6 × 0.4) = 0.16330
    expect(curve[1]!.usersWith).toBe(60);
    expect(curve[1]!.rateWith).toBeCloseTo(26 / 60, 12);
    expect(curve[1]!.rateWithout).toBeCloseTo(0.1, 12);
    expect(curve[1]!.score).toBeCloseTo((26 / 60 - 0.1) * Math.sqrt(0.24), 12);
    // k = 3: 30 users, 17 retained vs 70 users, 13 retained: difference 0.38095, score × √0.21 = 0.17457
    expect(curve[2]!.score).toBeCloseTo((17 / 30 - 13 / 70) * Math.sqrt(0.21), 12);
    // k = 4..10: the 10 users with ≥ 10: 50% vs 25/90: difference 0.2222, score × √0.09 = 0.06667
    expect(curve[3]!.usersWith).toBe(10);
    expect(curve[9]!.score).toBeCloseTo((0.5 - 25 / 90) * 0.3, 12);
  });
});

describe("bestThreshold", () => {
  it("takes the highest score among large-enough samples", () => {
    // k = 3 (0.1746) beats k = 2 (0.1633); k ≥ 4 has only 10 users with: small sample.
    expect(bestThreshold(thresholdCurve(buckets, total))).toBe(3);
  });

  it("prefers the smaller k on a tie and is null when nothing qualifies", () => {
    const point = { usersWith: 50, usersWithout: 50, rateWith: 0.5, rateWithout: 0.2, difference: 0.3, coverage: 0.5, smallSample: false };
    expect(bestThreshold([{ ...point, k: 1, score: 0.15 }, { ...point, k: 2, score: 0.15 }])).toBe(1);
    expect(bestThreshold([{ ...point, k: 1, score: 0.15, smallSample: true }])).toBeNull();
    expect(bestThreshold([{ ...point, k: 1, score: 0 }])).toBeNull();
  });
});

describe("ahaThreshold", () => {
  it("states the best k with its rates, coverage and n", () => {
    const result = ahaThreshold({ kind: "sessions", subject: "", buckets, total, outcome: "retained", days: 7, window: 28 });
    expect(result.bestK).toBe(3);
    // k = 3: 17/30 = 56.7% vs 13/70 = 18.6%, coverage 30%.
    expect(result.sentence).toBe(
      "3+ sessions in the first 7 days: Day-28 retention 56.7% vs 18.6%, covers 30% of new users (n = 30 vs 70) — correlation, not causation.",
    );
  });

  it("has no sentence when no threshold qualifies", () => {
    const tiny = ahaThreshold({ kind: "event", subject: "x", buckets: [{ count: 1, users: 3, outcomes: 1 }], total: { users: 10, outcomes: 2 }, outcome: "converted", days: 7, window: 28 });
    expect(tiny).toMatchObject({ bestK: null, sentence: null });
  });
});
