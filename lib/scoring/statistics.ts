/**
 * Descriptive statistics over typed arrays, with SQL's null policy: NaN values
 * (nulls) are skipped, as AVG() and CORR() skip NULLs. An empty input gives NaN.
 */

/**
 * Arithmetic mean of the non-NaN values.
 * @example mean(Float64Array.of(2, 4, NaN, 9)) === 5
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === value) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * Population standard deviation (divides by n, like SQL STDDEV_POP and
 * scikit-learn's StandardScaler): the scale used to z-score a whole population.
 * Two passes (mean first) for accuracy.
 * @example populationStandardDeviation(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9)) === 2
 */
export function populationStandardDeviation(values: ArrayLike<number>): number {
  const average = mean(values);
  if (average !== average) return Number.NaN;
  let squares = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === value) {
      squares += (value - average) * (value - average);
      count++;
    }
  }
  return Math.sqrt(squares / count);
}

/**
 * Pearson correlation over the pairs where both values are present (SQL CORR).
 * NaN when fewer than two pairs or when either side is constant (0/0: no
 * linear relation can be measured, and inventing 0 would hide that).
 * @example pearsonCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 6)) === 1
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`pearsonCorrelation needs equal lengths (got ${x.length} and ${y.length})`);
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === a && b === b) {
      count++;
      sumX += a;
      sumY += b;
    }
  }
  if (count < 2) return Number.NaN;
  const meanX = sumX / count;
  const meanY = sumY / count;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === a && b === b) {
      const dx = a - meanX;
      const dy = b - meanY;
      covariance += dx * dy;
      varianceX += dx * dx;
      varianceY += dy * dy;
    }
  }
  if (varianceX === 0 || varianceY === 0) return Number.NaN;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/**
 * Median of the non-NaN values: the middle value, or the mean of the two
 * middle values for an even count (PERCENTILE_CONT(0.5)).
 * @example median(Float64Array.of(5, 1, 3, 2)) === 2.5
 */
export function median(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! === values[i]!) count++;
  if (count === 0) return Number.NaN;
  const present = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === value) present[k++] = value;
  }
  present.sort();
  const middle = count >>> 1;
  return count % 2 === 1 ? present[middle]! : (present[middle - 1]! + present[middle]!) / 2;
}

/**
 * Median of values that hold no NaN, reordering them in place: a selection
 * (Hoare's quickselect, median-of-three pivot) instead of a sort, so a
 * million values cost one or two linear passes rather than n log n — behavior
 * notes take the median of every feature of every segment.
 * Same definition as `median` (PERCENTILE_CONT(0.5)); NaN for no values.
 * @example medianInPlace(Float64Array.of(5, 1, 3, 2)) === 2.5
 */
export function medianInPlace(values: Float64Array): number {
  const count = values.length;
  if (count === 0) return Number.NaN;
  const middle = count >>> 1;
  const upper = selectInPlace(values, middle);
  if (count % 2 === 1) return upper;
  // Selection leaves every value before `middle` ≤ the one at it: the lower middle is their maximum.
  let lower = values[0]!;
  for (let i = 1; i < middle; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest value (0-based); afterwards values before k are ≤ it and values after k are ≥ it. */
function selectInPlace(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot, sorted into lo ≤ mid ≤ hi: sorted or repetitive data stays linear.
    if (values[mid]! < values[lo]!) swap(values, lo, mid);
    if (values[hi]! < values[lo]!) swap(values, lo, hi);
    if (values[hi]! < values[mid]!) swap(values, mid, hi);
    const pivot = values[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]; anything strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

function swap(values: Float64Array, a: number, b: number): void {
  const kept = values[a]!;
  values[a] = values[b]!;
  values[b] = kept;
}
