import { describe, expect, it } from "vitest";
import { isSmallSample, lift, newcombeDifferenceInterval, phiCoefficient, wilsonInterval } from "./stats";

describe("wilsonInterval", () => {
  // Newcombe 1998 (single proportion), Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i → %f to %f (published)", (x, n, lower, upper) => {
    const interval = wilsonInterval(x, n);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it("is exactly [0, …] at x = 0 and […, 1] at x = n, and symmetric", () => {
    // 20/20 mirrors 0/20: upper 1, lower 1 − 0.1611.
    const all = wilsonInterval(20, 20);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(1 - 0.1611, 4);
    expect(wilsonInterval(0, 20).lower).toBe(0);
  });

  it("has no interval for an empty group and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual({ lower: Number.NaN, upper: Number.NaN });
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe("newcombeDifferenceInterval (method 10)", () => {
  // Newcombe 1998 (difference of independent proportions), Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])("%i/%i − %i/%i → %f to %f (published)", (x1, n1, x2, n2, lower, upper) => {
    const interval = newcombeDifferenceInterval(x1, n1, x2, n2);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it("has no interval when a group is empty", () => {
    expect(newcombeDifferenceInterval(3, 10, 0, 0)).toEqual({ lower: Number.NaN, upper: Number.NaN });
  });
});

describe("lift", () => {
  it("is the ratio of the rates, Infinity over a zero rate, NaN for 0 vs 0 or a missing rate", () => {
    expect(lift(0.6, 0.2)).toBeCloseTo(3, 12);
    expect(lift(0.1, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(lift(0, 0)).toBeNaN();
    expect(lift(Number.NaN, 0.2)).toBeNaN();
  });
});

describe("phiCoefficient", () => {
  it("matches the hand-computed value of a 2×2 table", () => {
    // a=20 b=10 c=10 d=60: (20·60 − 10·10) / √(30·70·30·70) = 1100 / 2100 = 0.5238…
    expect(phiCoefficient({ a: 20, b: 10, c: 10, d: 60 })).toBeCloseTo(1100 / 2100, 12);
    expect(phiCoefficient({ a: 0, b: 10, c: 10, d: 0 })).toBe(-1);
  });

  it("is NaN when a margin is empty", () => {
    expect(phiCoefficient({ a: 0, b: 0, c: 5, d: 7 })).toBeNaN();
  });
});

describe("isSmallSample", () => {
  it("flags groups under 30 users and cells under 5", () => {
    expect(isSmallSample({ a: 10, b: 19, c: 100, d: 100 })).toBe(true); // with = 29
    expect(isSmallSample({ a: 10, b: 20, c: 100, d: 100 })).toBe(false); // with = 30, all cells ≥ 5
    expect(isSmallSample({ a: 4, b: 40, c: 100, d: 100 })).toBe(true); // a cell of 4
    expect(isSmallSample({ a: 50, b: 50, c: 25, d: 5 })).toBe(false); // without = 30, smallest cell 5
  });
});
