/**
 * Ward agglomerative clustering on a random sample (default 2,000 rows); then
 * every row, the sample's included, gets the cluster of its nearest centroid
 * (the sample clusters' means), so the labels are exactly what a saved
 * cluster model would give.
 *
 * - Linkage by the nearest-neighbour chain algorithm with Lance–Williams
 *   updates on squared Euclidean distances: O(m²) time and an m(m−1)/2
 *   distance matrix (2,000 rows: 2M doubles, 16 MB), instead of the naive O(m³).
 *   Ward is reducible, so the chain yields the same dendrogram as merging the
 *   globally closest pair each step (Müllner 2011).
 * - Merge heights follow SciPy's `linkage(method="ward")`: for two single
 *   points the Euclidean distance, in general √(2 · increase in the
 *   within-cluster sum of squares).
 */
import { assignToNearest, labelCentroids, selectRows, squaredDistance, type PointMatrix } from "./point-matrix";
import { sampleRows, seededRandom } from "./random-sample";

export const WARD_SAMPLE_SIZE = 2_000;

/** One merge, SciPy style: clusters 0…m−1 are the points, merge s creates cluster m + s. */
export interface Merge {
  left: number;
  right: number;
  height: number;
  size: number;
}

/** Position of pair (i, j), i ≠ j, in the condensed upper-triangle distance array. */
function pairIndex(m: number, i: number, j: number): number {
  const a = i < j ? i : j;
  const b = i < j ? j : i;
  return a * m - ((a * (a + 1)) >> 1) + (b - a - 1);
}

/** Ward linkage of every row of `points`, merges in increasing height (ties: found order). */
export function wardLinkage(points: PointMatrix): Merge[] {
  const m = points.rows;
  const distances = new Float64Array((m * (m - 1)) / 2);
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) distances[pairIndex(m, i, j)] = squaredDistance(points.data, i, points.data, j, points.dims);
  const size = new Float64Array(m).fill(1);
  const active = new Uint8Array(m).fill(1);
  // Each slot holds one current cluster; merging i and j keeps slot i.
  const found: { a: number; b: number; squared: number }[] = [];
  const chain: number[] = [];
  for (let remaining = m; remaining > 1; ) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const a = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // The previous chain element wins ties, so the chain cannot cycle.
    let nearest = previous;
    let nearestDistance = previous >= 0 ? distances[pairIndex(m, a, previous)]! : Number.POSITIVE_INFINITY;
    for (let k = 0; k < m; k++) {
      if (k === a || !active[k]) continue;
      const distance = distances[pairIndex(m, a, k)]!;
      if (distance < nearestDistance) {
        nearestDistance = distance;
        nearest = k;
      }
    }
    if (nearest !== previous) {
      chain.push(nearest);
      continue;
    }
    chain.length -= 2;
    const [keep, gone] = a < previous ? [a, previous] : [previous, a];
    found.push({ a: keep, b: gone, squared: nearestDistance });
    for (let k = 0; k < m; k++) {
      if (!active[k] || k === keep || k === gone) continue;
      const total = size[k]! + size[keep]! + size[gone]!;
      distances[pairIndex(m, keep, k)] =
        ((size[k]! + size[keep]!) * distances[pairIndex(m, keep, k)]! +
          (size[k]! + size[gone]!) * distances[pairIndex(m, gone, k)]! -
          size[k]! * nearestDistance) /
        total;
    }
    size[keep]! += size[gone]!;
    active[gone] = 0;
    remaining--;
  }
  // Stable sort: a merge never precedes one it depends on (Ward's heights never decrease along a chain).
  const ordered = found.map((merge, at) => ({ ...merge, at })).sort((x, y) => x.squared - y.squared || x.at - y.at);
  const clusterOfSlot = Int32Array.from({ length: m }, (_, i) => i);
  const sizeOfSlot = new Float64Array(m).fill(1);
  return ordered.map(({ a, b, squared }, step) => {
    const left = Math.min(clusterOfSlot[a]!, clusterOfSlot[b]!);
    const right = Math.max(clusterOfSlot[a]!, clusterOfSlot[b]!);
    sizeOfSlot[a]! += sizeOfSlot[b]!;
    clusterOfSlot[a] = m + step;
    return { left, right, height: Math.sqrt(squared), size: sizeOfSlot[a]! };
  });
}

/** Labels 0…k−1 (in order of each cluster's first point) after the first m − k merges. */
export function cutTree(merges: readonly Merge[], m: number, k: number): Int32Array {
  if (k < 1 || k > m) throw new RangeError(`Cannot cut ${m} points into ${k} clusters`);
  const parent = Int32Array.from({ length: 2 * m - 1 }, (_, i) => i);
  const root = (node: number): number => {
    while (parent[node] !== node) node = parent[node] = parent[parent[node]!]!;
    return node;
  };
  for (let step = 0; step < m - k; step++) {
    parent[root(merges[step]!.left)] = m + step;
    parent[root(merges[step]!.right)] = m + step;
  }
  const labelOfRoot = new Map<number, number>();
  const labels = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const top = root(i);
    if (!labelOfRoot.has(top)) labelOfRoot.set(top, labelOfRoot.size);
    labels[i] = labelOfRoot.get(top)!;
  }
  return labels;
}

export interface WardResult {
  k: number;
  /** Rows the dendrogram was built on. */
  sampleSize: number;
  /** Per row (all rows, the sample's included): the cluster of its nearest sample-cluster centroid. */
  labels: Int32Array;
  centroids: Float64Array;
  /** Height at which the k clusters would merge into k − 1: a large jump means a clear cut. */
  cutHeight: number;
}

export function wardClustering(points: PointMatrix, options: { k: number; sampleSize?: number; seed?: number }): WardResult {
  const sample = sampleRows(points.rows, options.sampleSize ?? WARD_SAMPLE_SIZE, seededRandom(options.seed ?? 1));
  if (options.k > sample.length) throw new RangeError(`${sample.length} users cannot form ${options.k} clusters`);
  const samplePoints = selectRows(points, sample);
  const merges = wardLinkage(samplePoints);
  const sampleLabels = cutTree(merges, sample.length, options.k);
  const centroids = labelCentroids(samplePoints, sampleLabels, options.k);
  const cutIndex = sample.length - options.k;
  return {
    k: options.k,
    sampleSize: sample.length,
    labels: assignToNearest(points, centroids, options.k),
    centroids,
    cutHeight: cutIndex < merges.length ? merges[cutIndex]!.height : 0,
  };
}
