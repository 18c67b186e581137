import { describe, expect, it } from "vitest";
import { chiSquareIndependence, chiSquareSurvival, logGamma } from "./chi-square";

describe("chiSquareSurvival", () => {
  it("gives the tail probabilities of the printed critical-value tables", () => {
    // Critical values of χ² tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4): upper-tail 5% for df 1 and 10, 1% for df 3.
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(chiSquareSurvival(11.344866730144373, 3)).toBeCloseTo(0.01, 12);
    expect(chiSquareSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 12);
  });

  it("equals e^(−x/2) for 2 degrees of freedom (closed form)", () => {
    for (const x of [0.5, 5.991464547107979, 30]) expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
  });

  it("is 1 at 0 and tiny far out in the tail", () => {
    expect(chiSquareSurvival(0, 4)).toBe(1);
    // df 4: Q(2, x/2) = e^(−x/2)(1 + x/2); x = 100 → e^−50 · 51 ≈ 9.835e−21.
    expect(chiSquareSurvival(100, 4) / (Math.exp(-50) * 51)).toBeCloseTo(1, 10);
  });

  it("logGamma of whole numbers is ln((n−1)!)", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe("chiSquareIndependence", () => {
  it("tests a 2×2 table", () => {
    // [[10, 20], [30, 40]]: n 100, rows 30/70, columns 40/60 → expected [[12, 18], [28, 42]].
    // χ² = 4/12 + 4/18 + 4/28 + 4/42 = (21 + 14 + 9 + 6)/63 = 50/63; df 1;
    // p = erfc(√(25/63)) = 0.372998… (SciPy chi2_contingency without correction agrees); V = √(50/63/100).
    const test = chiSquareIndependence([
      [10, 20],
      [30, 40],
    ])!;
    expect(test.statistic).toBeCloseTo(50 / 63, 12);
    expect(test.df).toBe(1);
    expect(test.pValue).toBeCloseTo(0.37299848361348686, 10);
    expect(test.cramersV).toBeCloseTo(Math.sqrt(50 / 63 / 100), 12);
    expect(test.n).toBe(100);
  });

  it("drops empty rows and has no test with fewer than two non-empty rows or columns", () => {
    const withEmpty = chiSquareIndependence([
      [10, 20],
      [0, 0],
      [30, 40],
    ])!;
    expect(withEmpty.df).toBe(1);
    expect(withEmpty.statistic).toBeCloseTo(50 / 63, 12);
    expect(chiSquareIndependence([[5, 5], [0, 0]])).toBeNull();
    expect(chiSquareIndependence([[5, 0], [7, 0]])).toBeNull();
  });
});
