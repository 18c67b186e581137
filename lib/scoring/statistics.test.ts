import { describe, expect, it } from "vitest";
import { mean, median, medianInPlace, pearsonCorrelation, populationStandardDeviation } from "./statistics";

describe("mean", () => {
  it("skips nulls like SQL AVG", () => {
    expect(mean(Float64Array.of(2, 4, Number.NaN, 9))).toBe(5); // (2 + 4 + 9) / 3
    expect(mean(Float64Array.of(Number.NaN))).toBeNaN();
    expect(mean([])).toBeNaN();
  });
});

describe("populationStandardDeviation", () => {
  it("divides by n", () => {
    // mean 5; squared deviations 9 1 1 1 0 0 4 16 = 32; 32 / 8 = 4; √4 = 2
    expect(populationStandardDeviation(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9))).toBe(2);
    expect(populationStandardDeviation(Float64Array.of(3, 3, 3))).toBe(0);
  });
});

describe("pearsonCorrelation", () => {
  it("matches a hand computation", () => {
    // x 1..5 (mean 3), y 2 4 5 4 5 (mean 4)
    // dx −2 −1 0 1 2; dy −2 0 1 0 1; Σdx·dy = 4 + 0 + 0 + 0 + 2 = 6; Σdx² = 10; Σdy² = 6
    // r = 6 / √(10 · 6) = 6 / √60 ≈ 0.774597
    expect(pearsonCorrelation(Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 4, 5, 4, 5))).toBeCloseTo(6 / Math.sqrt(60), 12);
  });

  it("uses only complete pairs, like SQL CORR", () => {
    // the (NaN, 100) pair is dropped; the rest lie on y = 2x
    expect(pearsonCorrelation(Float64Array.of(1, 2, Number.NaN, 3), Float64Array.of(2, 4, 100, 6))).toBeCloseTo(1, 12);
    expect(pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1))).toBeCloseTo(-1, 12);
  });

  it("is NaN when it cannot be measured", () => {
    expect(pearsonCorrelation(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBeNaN(); // constant x
    expect(pearsonCorrelation(Float64Array.of(1), Float64Array.of(2))).toBeNaN(); // one pair
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(RangeError);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median(Float64Array.of(3, 1, 2))).toBe(2);
    expect(median(Float64Array.of(5, 1, 3, 2))).toBe(2.5); // sorted 1 2 3 5 → (2 + 3) / 2
    expect(median(Float64Array.of(Number.NaN, 4))).toBe(4);
    expect(median(Float64Array.of(Number.NaN))).toBeNaN();
  });
});

describe("medianInPlace", () => {
  it("selects the middle value, or the mean of the two middle values", () => {
    expect(medianInPlace(Float64Array.of(3, 1, 2))).toBe(2);
    expect(medianInPlace(Float64Array.of(5, 1, 3, 2))).toBe(2.5); // sorted 1 2 3 5 → (2 + 3) / 2
    expect(medianInPlace(Float64Array.of(7))).toBe(7);
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
    expect(medianInPlace(Float64Array.of(0, 0, 0, 9, 0, 0))).toBe(0); // ties
    expect(medianInPlace(Float64Array.of(4, 4, 1, 1))).toBe(2.5); // sorted 1 1 4 4
  });

  it("agrees with the sorting median on seeded random data, sorted, reversed and repetitive", () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648; // LCG, deterministic
    for (const size of [2, 3, 10, 101, 1000, 1001]) {
      const random = Float64Array.from({ length: size }, () => Math.floor(next() * 50));
      const ascending = Float64Array.from({ length: size }, (_, i) => i);
      const descending = Float64Array.from({ length: size }, (_, i) => size - i);
      const twoValues = Float64Array.from({ length: size }, (_, i) => i % 2);
      for (const values of [random, ascending, descending, twoValues]) {
        expect(medianInPlace(values.slice())).toBe(median(values));
      }
    }
  });
});
