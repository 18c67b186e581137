/**
 * Silhouette (Rousseeuw 1987) of a clustering, and k chosen by it.
 *
 * s(i) = (b − a) / max(a, b), where a = mean distance from i to the other
 * members of its cluster, b = the smallest mean distance from i to another
 * cluster; s(i) = 0 for a point alone in its cluster (Rousseeuw's convention,
 * also scikit-learn's). The score is the mean s(i). Distances are Euclidean.
 *
 * Exact silhouette is O(n²): on large data it is computed exactly on a fixed
 * random sample (default 2,000 rows, distances among the sample only, as
 * scikit-learn's `sample_size`), and the result says how many rows it used.
 * Rows labelled −1 (DBSCAN noise) are left out.
 */
import { KMEANS_DEFAULTS, kmeans, type KMeansOptions, type KMeansResult } from "./kmeans";
import { assignToNearest, selectRows, squaredDistance, type PointMatrix } from "./point-matrix";
import { sampleRows, seededRandom } from "./random-sample";

export const SILHOUETTE_SAMPLE_SIZE = 2_000;

/**
 * Mean silhouette over `rows` (all rows when omitted), distances among those rows only.
 * 0 when fewer than two clusters are present (silhouette is undefined there).
 */
export function silhouette(points: PointMatrix, labels: Int32Array, rows?: Int32Array): number {
  const chosen = (rows ?? Int32Array.from({ length: points.rows }, (_, i) => i)).filter((row) => labels[row]! >= 0);
  const m = chosen.length;
  let clusters = 0;
  for (let i = 0; i < m; i++) clusters = Math.max(clusters, labels[chosen[i]!]! + 1);
  const sizes = new Float64Array(clusters);
  for (let i = 0; i < m; i++) sizes[labels[chosen[i]!]!]!++;
  if (sizes.filter((size) => size > 0).length < 2) return 0;
  // sums[i * clusters + c]: total distance from chosen row i to the chosen rows of cluster c; each pair computed once.
  const sums = new Float64Array(m * clusters);
  for (let i = 0; i < m; i++) {
    const labelI = labels[chosen[i]!]!;
    for (let j = i + 1; j < m; j++) {
      const distance = Math.sqrt(squaredDistance(points.data, chosen[i]!, points.data, chosen[j]!, points.dims));
      sums[i * clusters + labels[chosen[j]!]!]! += distance;
      sums[j * clusters + labelI]! += distance;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[chosen[i]!]!;
    if (sizes[own]! <= 1) continue; // s(i) = 0
    const a = sums[i * clusters + own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < clusters; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[i * clusters + c]! / sizes[c]!);
    const denominator = Math.max(a, b);
    total += denominator === 0 ? 0 : (b - a) / denominator;
  }
  return total / m;
}

export interface SampledSilhouette {
  score: number;
  /** Rows the score was computed on (the sample, less noise rows). */
  sampleSize: number;
}

/** The rows a sampled silhouette uses: one fixed sample per seed, so methods are compared on the same users. */
export function silhouetteSample(rows: number, sampleSize = SILHOUETTE_SAMPLE_SIZE, seed = 1): Int32Array {
  return sampleRows(rows, sampleSize, seededRandom(seed));
}

export function sampledSilhouette(points: PointMatrix, labels: Int32Array, sample: Int32Array): SampledSilhouette {
  const used = sample.filter((row) => labels[row]! >= 0);
  return { score: silhouette(points, labels, used), sampleSize: used.length };
}

export interface KCurvePoint {
  k: number;
  silhouette: number;
  /** Inertia of the k-means fit on the fitting sample. */
  inertia: number;
}

export interface ChosenK {
  k: number;
  curve: KCurvePoint[];
  result: KMeansResult;
  silhouetteSampleSize: number;
}

/**
 * k-means for every k in [kMin, kMax] (capped at the number of rows − 1),
 * each fitted on the same fitting sample (KMeansOptions.fitSampleSize) and
 * scored by the silhouette of the silhouette sample's rows, labelled by their
 * nearest centroid. The k with the highest silhouette wins (ties: the smaller
 * k) and only that k is refined on every row: choosing k costs nine sample
 * fits, not nine full ones.
 */
export function chooseK(
  points: PointMatrix,
  options: Omit<KMeansOptions, "k"> & { kMin?: number; kMax?: number; sample?: Int32Array } = {},
): ChosenK {
  const { kMin = 2, kMax = 10, sample = silhouetteSample(points.rows), ...kmeansOptions } = options;
  const last = Math.min(kMax, points.rows - 1);
  if (last < kMin) throw new RangeError(`${points.rows} users are too few to compare ${kMin} or more clusters`);
  const fitRows = sampleRows(points.rows, kmeansOptions.fitSampleSize ?? KMEANS_DEFAULTS.fitSampleSize, seededRandom(kmeansOptions.seed ?? KMEANS_DEFAULTS.seed));
  const fitPoints = fitRows.length === points.rows ? points : selectRows(points, fitRows);
  const samplePoints = selectRows(points, sample);
  const samplePositions = Int32Array.from({ length: sample.length }, (_, i) => i);
  const curve: KCurvePoint[] = [];
  let best: { k: number; centroids: Float64Array; score: number } | null = null;
  for (let k = kMin; k <= last; k++) {
    const fitted = kmeans(fitPoints, { ...kmeansOptions, k, fitSampleSize: fitPoints.rows });
    const sampleLabels = assignToNearest(samplePoints, fitted.centroids, k);
    const score = silhouette(samplePoints, sampleLabels, samplePositions);
    curve.push({ k, silhouette: score, inertia: fitted.inertia });
    if (best === null || score > best.score) best = { k, centroids: fitted.centroids, score };
  }
  const result = kmeans(points, { ...kmeansOptions, k: best!.k, initialCentroids: best!.centroids });
  return { k: best!.k, curve, result: { ...result, fitSampleSize: fitRows.length }, silhouetteSampleSize: sample.length };
}
