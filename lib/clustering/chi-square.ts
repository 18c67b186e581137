/**
 * Pearson's chi-square test of independence on a contingency table, with its
 * p-value from the chi-square survival function.
 *
 * - Survival function: P(χ²_df ≥ x) = Q(df/2, x/2), the regularized upper
 *   incomplete gamma function, by its series when x < a + 1 and by Lentz's
 *   continued fraction otherwise (Numerical Recipes §6.2); ln Γ by Lanczos
 *   (g = 7, 9 terms). Accurate to ~1e-12 relative, far beyond what a p-value needs.
 * - Rows or columns with no observations are dropped before counting degrees
 *   of freedom ((rows − 1)(columns − 1)); fewer than 2 of either → no test.
 * - Cramér's V = √(χ² / (n · (min(rows, columns) − 1))): the effect size, since
 *   with 100k users a negligible difference is still "significant".
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. @example logGamma(5) // ln 24 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-15;
const MAX_TERMS = 10_000;

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function upperGammaRegularized(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series for P(a, x); Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Continued fraction for Q(a, x), modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < MAX_TERMS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logPrefix) * h;
}

/**
 * P(χ² ≥ statistic) with `df` degrees of freedom.
 * @example chiSquareSurvival(3.841458820694124, 1) // 0.05 (the 5% critical value)
 */
export function chiSquareSurvival(statistic: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be positive (got ${df})`);
  return upperGammaRegularized(df / 2, statistic / 2);
}

export interface ChiSquareTest {
  statistic: number;
  df: number;
  pValue: number;
  cramersV: number;
  /** Observations in the table. */
  n: number;
}

/** The test on `table[row][column]` counts; null when fewer than 2 non-empty rows or columns remain. */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareTest | null {
  const columns = table[0]?.length ?? 0;
  const rowTotals = table.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => table.reduce((sum, row) => sum + row[j]!, 0));
  const rows = rowTotals.map((_, i) => i).filter((i) => rowTotals[i]! > 0);
  const cols = columnTotals.map((_, j) => j).filter((j) => columnTotals[j]! > 0);
  if (rows.length < 2 || cols.length < 2) return null;
  const n = rowTotals.reduce((sum, total) => sum + total, 0);
  let statistic = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowTotals[i]! * columnTotals[j]!) / n;
      statistic += (table[i]![j]! - expected) ** 2 / expected;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  return {
    statistic,
    df,
    pValue: chiSquareSurvival(statistic, df),
    cramersV: Math.sqrt(statistic / (n * (Math.min(rows.length, cols.length) - 1))),
    n,
  };
}
