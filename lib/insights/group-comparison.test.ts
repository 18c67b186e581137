import { describe, expect, it } from "vitest";
import { compareWithWithout } from "./group-comparison";

describe("compareWithWithout", () => {
  it("compares the group with the rest of the total", () => {
    // With: 20 of 30; without: 10 of 70. Difference 2/3 − 1/7 = 0.52381; coverage 0.3;
    // score 0.52381 × √(0.3 × 0.7) = 0.24004; table a=20 b=10 c=10 d=60 → phi 1100/2100.
    const comparison = compareWithWithout({ users: 30, outcomes: 20 }, { users: 100, outcomes: 30 });
    expect(comparison).toMatchObject({ usersWith: 30, usersWithout: 70, outcomesWith: 20, outcomesWithout: 10, coverage: 0.3, smallSample: false });
    expect(comparison.difference).toBeCloseTo(2 / 3 - 1 / 7, 12);
    expect(comparison.lift).toBeCloseTo((2 / 3) / (1 / 7), 12);
    expect(comparison.score).toBeCloseTo((2 / 3 - 1 / 7) * Math.sqrt(0.21), 12);
    expect(comparison.phi).toBeCloseTo(1100 / 2100, 12);
    expect(comparison.differenceLower!).toBeLessThan(comparison.difference!);
    expect(comparison.differenceUpper!).toBeGreaterThan(comparison.difference!);
  });

  it("returns null, not 0, for what cannot be measured when everyone has the behavior", () => {
    const everyone = compareWithWithout({ users: 50, outcomes: 10 }, { users: 50, outcomes: 10 });
    expect(everyone).toMatchObject({ rateWith: 0.2, rateWithout: null, lift: null, difference: null, differenceLower: null, phi: null, coverage: 1, score: 0, smallSample: true });
  });

  it("rejects a group that is not part of the total", () => {
    expect(() => compareWithWithout({ users: 10, outcomes: 5 }, { users: 8, outcomes: 5 })).toThrow(RangeError);
  });
});
