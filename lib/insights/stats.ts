/**
 * Two-group statistics for "users who did X vs users who did not": the
 * outcome rate of each group with its interval, the difference between them
 * with its interval, lift, phi, and a small-sample flag. Pure functions.
 *
 * Intervals are 95% (z = 1.959964, the 97.5% normal quantile). Rates are
 * shares 0..1. 0/0 policy: a group with no users has no rate (NaN), and every
 * statistic that needs it is NaN too, never an invented 0.
 */

/** Two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion x/n (Wilson 1927; method 3 of
 * Newcombe 1998, "Two-sided confidence intervals for the single proportion",
 * Stat Med 17:857–872), without continuity correction. Unlike the Wald
 * interval it stays inside 0..1 and is sensible at x = 0 or x = n.
 * @throws RangeError when x or n is not a non-negative integer or x > n.
 * @example wilsonInterval(81, 263) // { lower: 0.2553…, upper: 0.3662… } (Newcombe 1998, Table I)
 */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval {
  assertCounts(x, n);
  if (n === 0) return { lower: Number.NaN, upper: Number.NaN };
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp float noise at the exact ends (x = 0 gives lower = 0 analytically).
  return { lower: x === 0 ? 0 : Math.max(0, centre - half), upper: x === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval for p1 − p2 (method 10 of Newcombe 1998,
 * "Interval estimation for the difference between independent proportions",
 * Stat Med 17:873–890): combines the two Wilson intervals (l1,u1), (l2,u2):
 *   lower = d − √((p1 − l1)² + (u2 − p2)²),  upper = d + √((u1 − p1)² + (p2 − l2)²).
 * @example newcombeDifferenceInterval(56, 70, 48, 80) // { lower: 0.0524…, upper: 0.3339… } (Table II)
 */
export function newcombeDifferenceInterval(x1: number, n1: number, x2: number, n2: number, z = Z_95): Interval {
  assertCounts(x1, n1);
  assertCounts(x2, n2);
  if (n1 === 0 || n2 === 0) return { lower: Number.NaN, upper: Number.NaN };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const first = wilsonInterval(x1, n1, z);
  const second = wilsonInterval(x2, n2, z);
  const difference = p1 - p2;
  return {
    lower: difference - Math.sqrt((p1 - first.lower) ** 2 + (second.upper - p2) ** 2),
    upper: difference + Math.sqrt((first.upper - p1) ** 2 + (p2 - second.lower) ** 2),
  };
}

/**
 * Relative risk rateWith / rateWithout. NaN when either rate is undefined;
 * Infinity when only the "without" rate is 0 (the sentence then quotes the
 * two rates instead of a multiple).
 * @example lift(0.61, 0.22) // 2.7727…
 */
export function lift(rateWith: number, rateWithout: number): number {
  if (Number.isNaN(rateWith) || Number.isNaN(rateWithout)) return Number.NaN;
  if (rateWithout === 0) return rateWith === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  return rateWith / rateWithout;
}

/**
 * The 2×2 table of a behavior against an outcome:
 *                 outcome   no outcome
 *   with            a           b
 *   without         c           d
 */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

/**
 * Phi coefficient (Pearson correlation of two 0/1 variables):
 * (ad − bc) / √((a+b)(c+d)(a+c)(b+d)). NaN when a margin is empty (a
 * constant variable has no correlation to measure).
 * @example phiCoefficient({ a: 10, b: 0, c: 0, d: 10 }) === 1
 */
export function phiCoefficient(table: TwoByTwo): number {
  const { a, b, c, d } = table;
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  if (margins === 0) return Number.NaN;
  return (a * d - b * c) / Math.sqrt(margins);
}

/** Below these counts an estimate is too noisy to rank on; the result still shows it, flagged. */
export const SMALL_SAMPLE = {
  /** Users in the "with" or the "without" group. */
  minGroupUsers: 30,
  /** Users in any cell of the 2×2 table (the usual chi-square expected-count rule of thumb, applied to observed counts). */
  minCellUsers: 5,
} as const;

/**
 * True when either group has fewer than 30 users or any cell of the 2×2
 * table fewer than 5: the interval is wide and the rank unreliable.
 * @example isSmallSample({ a: 4, b: 40, c: 30, d: 300 }) === true
 */
export function isSmallSample(table: TwoByTwo): boolean {
  const { a, b, c, d } = table;
  if (a + b < SMALL_SAMPLE.minGroupUsers || c + d < SMALL_SAMPLE.minGroupUsers) return true;
  return Math.min(a, b, c, d) < SMALL_SAMPLE.minCellUsers;
}

function assertCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
    throw new RangeError(`need integers 0 ≤ x ≤ n, got x = ${x}, n = ${n}`);
  }
}
