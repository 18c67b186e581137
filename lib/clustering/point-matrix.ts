/**
 * Points as one row-major Float64Array (`data[row * dims + d]`): no object per
 * point, so a pass over 500k × 8 values is one walk through contiguous memory.
 */
export interface PointMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly dims: number;
}

/** Squared Euclidean distance between row `a` of `left` and row `b` of `right` (same dims). */
export function squaredDistance(left: Float64Array, a: number, right: Float64Array, b: number, dims: number): number {
  let sum = 0;
  const offsetA = a * dims;
  const offsetB = b * dims;
  for (let d = 0; d < dims; d++) {
    const diff = left[offsetA + d]! - right[offsetB + d]!;
    sum += diff * diff;
  }
  return sum;
}

/** The matrix of the given rows, in the given order. */
export function selectRows(matrix: PointMatrix, rows: ArrayLike<number>): PointMatrix {
  const { dims } = matrix;
  const data = new Float64Array(rows.length * dims);
  for (let r = 0; r < rows.length; r++) data.set(matrix.data.subarray(rows[r]! * dims, rows[r]! * dims + dims), r * dims);
  return { data, rows: rows.length, dims };
}

/** Index of the centroid nearest to row `row` of `points`, and its squared distance (ties: lowest index). */
export function nearestCentroid(points: PointMatrix, row: number, centroids: Float64Array, k: number): { index: number; distance: number } {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const distance = squaredDistance(points.data, row, centroids, c, points.dims);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return { index: best, distance: bestDistance };
}

/** Every row's nearest centroid (the way Ward's and a saved cluster model's clusters reach all users). */
export function assignToNearest(points: PointMatrix, centroids: Float64Array, k: number): Int32Array {
  const labels = new Int32Array(points.rows);
  for (let row = 0; row < points.rows; row++) labels[row] = nearestCentroid(points, row, centroids, k).index;
  return labels;
}

/** Mean of each label's rows (labels −1 = noise are skipped); a label with no rows gets NaN. */
export function labelCentroids(points: PointMatrix, labels: Int32Array, k: number): Float64Array {
  const { dims, data } = points;
  const sums = new Float64Array(k * dims);
  const counts = new Float64Array(k);
  for (let row = 0; row < points.rows; row++) {
    const label = labels[row]!;
    if (label < 0) continue;
    counts[label]!++;
    for (let d = 0; d < dims; d++) sums[label * dims + d]! += data[row * dims + d]!;
  }
  for (let c = 0; c < k; c++) for (let d = 0; d < dims; d++) sums[c * dims + d] = counts[c]! > 0 ? sums[c * dims + d]! / counts[c]! : Number.NaN;
  return sums;
}
