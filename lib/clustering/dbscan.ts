/**
 * DBSCAN (Ester et al. 1996) on a random sample, the rest assigned afterwards.
 *
 * - Core point: at least `minPts` rows (itself included) within `eps`.
 *   Default minPts = 2 × dimensions (Sander et al. 1998; Schubert et al. 2017
 *   "DBSCAN revisited"), at least 3.
 * - Neighbourhoods come from a k-d tree over the sample. DBSCAN is run on at
 *   most `sampleSize` rows (default 5,000): enough to find dense groups of
 *   ≥ 1% of users, bounded in time on any dataset; the result states it.
 * - Every row outside the sample joins the cluster of a core point within eps
 *   (the first found, nearest boxes first), else it is noise: what DBSCAN
 *   would call it, up to border points the sample missed. A row within eps of
 *   two clusters' cores is a border point, whose cluster DBSCAN itself leaves
 *   to the visiting order.
 * - eps suggestion: the k-distance curve (k = minPts − 1: each sample row's
 *   distance to its k-th nearest other row, which is the smallest eps making
 *   it a core point), sorted ascending; the knee is the point farthest below
 *   the straight line from the first to the last point once both axes are
 *   scaled to [0, 1] (the "Kneedle" idea, Satopää et al. 2011).
 */
import { KdTree } from "./kd-tree";
import { selectRows, squaredDistance, type PointMatrix } from "./point-matrix";
import { sampleRows, seededRandom } from "./random-sample";

export const DBSCAN_SAMPLE_SIZE = 5_000;
/** Points of the k-distance curve returned for a chart (evenly spaced ranks). */
const CURVE_POINTS = 100;

export interface DbscanOptions {
  /** Neighbourhood radius (standardized units); default: the suggested eps. */
  eps?: number;
  minPts?: number;
  sampleSize?: number;
  seed?: number;
}

export interface KDistancePoint {
  /** Share of sample rows with a k-distance at most this one (0–1). */
  share: number;
  distance: number;
}

export interface DbscanResult {
  eps: number;
  epsSuggested: number;
  minPts: number;
  /** Rows DBSCAN itself ran on. */
  sampleSize: number;
  /** Per row: cluster 0…clusters−1, or −1 for noise. */
  labels: Int32Array;
  clusters: number;
  /** Rows labelled noise, over all rows. */
  noise: number;
  /** Core points found in the sample. */
  corePoints: number;
  kDistanceCurve: KDistancePoint[];
}

export function defaultMinPts(dims: number): number {
  return Math.max(3, 2 * dims);
}

/** Each row's distance to its k-th nearest other row (brute force, O(rows²)), ascending. */
export function kDistances(points: PointMatrix, k: number): Float64Array {
  const { rows, dims, data } = points;
  if (rows <= k) throw new RangeError(`${rows} rows have no ${k}-th nearest neighbour`);
  const result = new Float64Array(rows);
  const nearest = new Float64Array(k); // the k smallest squared distances so far, ascending
  for (let i = 0; i < rows; i++) {
    nearest.fill(Number.POSITIVE_INFINITY);
    for (let j = 0; j < rows; j++) {
      if (j === i) continue;
      const distance = squaredDistance(data, i, data, j, dims);
      if (distance >= nearest[k - 1]!) continue;
      let at = k - 1;
      while (at > 0 && nearest[at - 1]! > distance) {
        nearest[at] = nearest[at - 1]!;
        at--;
      }
      nearest[at] = distance;
    }
    result[i] = Math.sqrt(nearest[k - 1]!);
  }
  return result.sort();
}

/** Index of the knee of an ascending curve: farthest below the chord once both axes are scaled to [0, 1]. */
export function kneeIndex(ascending: Float64Array): number {
  const last = ascending.length - 1;
  const low = ascending[0]!;
  const span = ascending[last]! - low;
  if (last <= 0 || span === 0) return last;
  let best = 0;
  let bestGap = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= last; i++) {
    const gap = i / last - (ascending[i]! - low) / span;
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}

function curveForChart(ascending: Float64Array): KDistancePoint[] {
  const last = ascending.length - 1;
  const steps = Math.min(CURVE_POINTS, ascending.length);
  return Array.from({ length: steps }, (_, s) => {
    const index = steps === 1 ? 0 : Math.round((s * last) / (steps - 1));
    return { share: (index + 1) / ascending.length, distance: ascending[index]! };
  });
}

/** Plain DBSCAN over all rows of `points`; labels −1 = noise. */
export function dbscanRows(points: PointMatrix, eps: number, minPts: number): { labels: Int32Array; core: Uint8Array; clusters: number } {
  const tree = new KdTree(points);
  const labels = new Int32Array(points.rows).fill(-2); // −2 = not visited yet
  const core = new Uint8Array(points.rows);
  const neighbours = (row: number): number[] => {
    const found: number[] = [];
    tree.withinRadius(points.data, row, eps, (other) => found.push(other));
    return found;
  };
  let clusters = 0;
  for (let row = 0; row < points.rows; row++) {
    if (labels[row] !== -2) continue;
    const seeds = neighbours(row);
    if (seeds.length < minPts) {
      labels[row] = -1; // noise unless a core point reaches it later (then a border point)
      continue;
    }
    const cluster = clusters++;
    core[row] = 1;
    labels[row] = cluster;
    // Each unvisited row is labelled and queued once; a row already found to be noise is not core, so it only becomes a border point.
    const queue: number[] = [];
    const claim = (others: number[]) => {
      for (const other of others) {
        if (labels[other] === -1) labels[other] = cluster;
        else if (labels[other] === -2) {
          labels[other] = cluster;
          queue.push(other);
        }
      }
    };
    claim(seeds);
    for (let at = 0; at < queue.length; at++) {
      const reach = neighbours(queue[at]!);
      if (reach.length < minPts) continue;
      core[queue[at]!] = 1;
      claim(reach);
    }
  }
  return { labels, core, clusters };
}

const DUPLICATES_EPS = 1e-9;

/** @throws RangeError when there are too few rows for minPts. */
export function dbscan(points: PointMatrix, options: DbscanOptions = {}): DbscanResult {
  const minPts = options.minPts ?? defaultMinPts(points.dims);
  const sample = sampleRows(points.rows, options.sampleSize ?? DBSCAN_SAMPLE_SIZE, seededRandom(options.seed ?? 1));
  const samplePoints = selectRows(points, sample);
  const distances = kDistances(samplePoints, minPts - 1);
  // A knee at 0 means most points have minPts exact duplicates (integer-valued features): the smallest
  // positive distance, else a hair, still clusters the duplicates instead of failing.
  const knee = distances[kneeIndex(distances)]!;
  const epsSuggested = knee > 0 ? knee : (distances.find((distance) => distance > 0) ?? DUPLICATES_EPS);
  const eps = options.eps ?? epsSuggested;
  if (!(eps > 0)) throw new RangeError(`eps must be positive (got ${eps}); the data may have fewer distinct points than minPts`);
  const found = dbscanRows(samplePoints, eps, minPts);

  const coreRows = [...found.core.keys()].filter((row) => found.core[row] === 1);
  const labels = new Int32Array(points.rows).fill(-1);
  const inSample = new Int32Array(points.rows).fill(-1);
  sample.forEach((row, s) => (inSample[row] = s));
  if (coreRows.length > 0) {
    const cores = selectRows(samplePoints, coreRows);
    const coreTree = new KdTree(cores);
    for (let row = 0; row < points.rows; row++) {
      if (inSample[row]! >= 0) {
        labels[row] = found.labels[inSample[row]!]!;
        continue;
      }
      const nearest = coreTree.anyWithin(points.data, row, eps);
      if (nearest >= 0) labels[row] = found.labels[coreRows[nearest]!]!;
    }
  }
  let noise = 0;
  for (let row = 0; row < points.rows; row++) if (labels[row]! < 0) noise++;
  return {
    eps,
    epsSuggested,
    minPts,
    sampleSize: sample.length,
    labels,
    clusters: found.clusters,
    noise,
    corePoints: coreRows.length,
    kDistanceCurve: curveForChart(distances),
  };
}
