import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./ari";

describe("adjustedRandIndex", () => {
  it("matches the hand-computed value of a small contingency table", () => {
    // truth [0,0,0,1,1,1] vs predicted [0,0,1,1,2,2]: cells (0,0)=2 (0,1)=1 (1,1)=1 (1,2)=2.
    // Σ C(nij,2) = 1+0+0+1 = 2; rows 3,3 → Σ C = 6; columns 2,2,2 → Σ C = 3; C(6,2) = 15.
    // E = 6·3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3.
    expect(adjustedRandIndex(Int32Array.of(0, 0, 0, 1, 1, 1), Int32Array.of(0, 0, 1, 1, 2, 2))).toBeCloseTo(0.8 / 3.3, 12);
  });

  it("is 1 for the same partition under other names, and symmetric", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, -1, -1, 7])).toBe(1);
    const a = [0, 1, 1, 0, 2, 2, 1];
    const b = [1, 1, 0, 0, 2, 1, 1];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
  });

  it("is negative for a partition worse than chance", () => {
    // truth {0,1},{2,3} vs predicted {0,2},{1,3}: no pair agrees. Σ C(nij,2) = 0, rows 1+1 = 2, columns 2, C(4,2) = 6.
    // E = 2·2/6 = 2/3; max = 2; ARI = (0 − 2/3)/(2 − 2/3) = −0.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it("refuses labelings of different lengths", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(RangeError);
  });
});
