import { describe, expect, it } from "vitest";
import { percentRanks } from "./percent-rank";

describe("percentRanks (SQL PERCENT_RANK)", () => {
  it("gives ties the lowest rank: (rank − 1) / (n − 1)", () => {
    // ORDER BY v: 10 → rank 1, 20, 20 → rank 2, 30 → rank 4; n − 1 = 3
    const values = Float64Array.of(20, 10, 30, 20); // typed arrays cannot be frozen: check it is left as it was
    expect([...percentRanks(values, "ascending")]).toEqual([1 / 3, 0, 1, 1 / 3]);
    expect([...values]).toEqual([20, 10, 30, 20]);
  });

  it("ranks descending for 'smaller is better' values such as recency", () => {
    // ORDER BY v DESC: 30 → rank 1, 20, 20 → rank 2, 10 → rank 4
    expect([...percentRanks(Float64Array.of(10, 20, 20, 30), "descending")]).toEqual([1, 1 / 3, 1 / 3, 0]);
  });

  it("is 0 for a single value and for all-equal values", () => {
    expect([...percentRanks(Float64Array.of(42), "ascending")]).toEqual([0]);
    expect([...percentRanks(Float64Array.of(7, 7, 7), "descending")]).toEqual([0, 0, 0]);
  });

  it("leaves nulls (NaN) and excluded users unranked and out of n", () => {
    // ranked: 5 and 7 only → n − 1 = 1
    expect([...percentRanks(Float64Array.of(5, Number.NaN, 7), "ascending")]).toEqual([0, Number.NaN, 1]);
    // include users 1, 2, 3: values 8, 3, 8 → 3 rank 1, 8, 8 rank 2; n − 1 = 2
    const ranks = percentRanks(Float64Array.of(1, 8, 3, 8), "ascending", Uint8Array.of(0, 1, 1, 1));
    expect([...ranks]).toEqual([Number.NaN, 0.5, 0, 0.5]);
  });

  it("handles an empty input", () => {
    expect(percentRanks(new Float64Array(0), "ascending").length).toBe(0);
  });
});
