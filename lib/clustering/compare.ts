/**
 * k-means, Ward and DBSCAN on the same standardized users, compared side by
 * side — silhouette on one shared sample, cluster sizes — and validated
 * against a 0/1 outcome (retained, converted): the outcome rate per cluster
 * and a chi-square test of independence (clusters × outcome).
 *
 * Verdict rule, per method:
 * - tidy: silhouette ≥ 0.5, Kaufman & Rousseeuw's (1990) "reasonable
 *   structure" (0.26–0.50 weak, ≤ 0.25 none).
 * - useful: p < 0.05 and the outcome rate differs by at least 5 percentage
 *   points between the highest and lowest cluster among clusters that count
 *   (≥ 1% of clustered users and ≥ 30 users with an outcome; DBSCAN noise
 *   excluded). The spread guards against large-n significance: with 100k
 *   users, 41% vs 42% is "significant" yet changes no decision.
 * - tidy and not useful → "statistically tidy but operationally useless".
 */
import { FEATURES, type FlagFeatureName } from "../definitions/features";
import { formatPercent } from "../definitions/plain-numbers";
import { chiSquareIndependence } from "./chi-square";
import type { ClusterMethod, ClustersDefinition } from "../definitions/clusters";
import type { ClusterComparison, ClusterSummary, MethodResult } from "./clustering.types";
import { dbscan, type DbscanOptions } from "./dbscan";
import { wardClustering } from "./hierarchical";
import { kmeans } from "./kmeans";
import { clusterTraits, nameClusters } from "./naming";
import { labelCentroids } from "./point-matrix";
import { chooseK, sampledSilhouette, silhouetteSample, SILHOUETTE_SAMPLE_SIZE, type KCurvePoint } from "./silhouette";
import type { StandardizedPoints } from "./standardize";

export const TIDY_SILHOUETTE = 0.5;
export const USEFUL_SPREAD = 0.05;
export const SIGNIFICANCE = 0.05;
const COUNTED_MIN_SHARE = 0.01;
const COUNTED_MIN_USERS = 30;

export const METHOD_NAMES: Record<ClusterMethod, string> = { kmeans: "k-means", ward: "Ward (hierarchical)", dbscan: "DBSCAN" };

export interface CompareOptions {
  k: number | "auto";
  /** The outcome flag per store user (0/1; NaN = unknown). */
  outcome: { feature: FlagFeatureName; values: Float64Array };
  seed?: number;
  silhouetteSampleSize?: number;
  kMin?: number;
  kMax?: number;
  dbscan?: Omit<DbscanOptions, "seed">;
  wardSampleSize?: number;
  kmeansFitSampleSize?: number;
  /** Milliseconds clock for timings (injected: this module never reads the clock). */
  clock?: () => number;
}

export interface ComparisonWithLabels {
  comparison: ClusterComparison;
  /** Cluster per clustered row (numbered by size as in the comparison; −1 noise). */
  labels: Record<ClusterMethod, Int32Array>;
}

/** Renumbers clusters 0…k−1 by size, largest first (ties: lower old number); −1 stays noise. */
export function relabelBySize(labels: Int32Array, k: number): Int32Array {
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) if (label >= 0) sizes[label]!++;
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const newLabel = new Int32Array(k);
  order.forEach((old, position) => (newLabel[old] = position));
  return labels.map((label) => (label >= 0 ? newLabel[label]! : -1));
}

/** Centroids in the new numbering; a cluster no row kept (possible only for Ward's sample centroids) keeps its place at the end. */
function reorderCentroids(centroids: Float64Array, oldLabels: Int32Array, newLabels: Int32Array, k: number, dims: number): Float64Array {
  const newOf = new Int32Array(k).fill(-1);
  for (let row = 0; row < oldLabels.length; row++) if (oldLabels[row]! >= 0) newOf[oldLabels[row]!] = newLabels[row]!;
  const used = new Set(newOf);
  let free = 0;
  const reordered = new Float64Array(k * dims);
  for (let old = 0; old < k; old++) {
    if (newOf[old] === -1) {
      while (used.has(free)) free++;
      newOf[old] = free;
      used.add(free);
    }
    reordered.set(centroids.subarray(old * dims, (old + 1) * dims), newOf[old]! * dims);
  }
  return reordered;
}

interface Judged {
  clusters: ClusterSummary[];
  outcomeTest: MethodResult["outcomeTest"];
  outcomeSpread: number | null;
  verdict: MethodResult["verdict"];
}

function rateText(rate: number): string {
  return formatPercent(rate);
}

function pText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`;
}

/** The verdict sentence for one method (exported for tests of the rule). */
export function verdict(silhouette: number, test: MethodResult["outcomeTest"], spread: number | null, range: [number, number] | null, outcomeWords: string): MethodResult["verdict"] {
  const tidy = silhouette >= TIDY_SILHOUETTE;
  const structure = tidy ? `well separated (silhouette ${silhouette.toFixed(2)})` : `overlapping (silhouette ${silhouette.toFixed(2)})`;
  if (test === null || spread === null || range === null) {
    return { tidy, useful: false, text: `Clusters are ${structure}; too few users with a known outcome in two or more clusters to say whether they differ in ${outcomeWords}.` };
  }
  const useful = test.pValue < SIGNIFICANCE && spread >= USEFUL_SPREAD;
  const rates = `${outcomeWords} ${useful ? "ranges" : "only ranges"} from ${rateText(range[0])} to ${rateText(range[1])} across clusters (${pText(test.pValue)}, Cramér's V ${test.cramersV.toFixed(2)})`;
  if (tidy && useful) return { tidy, useful, text: `Tidy and useful: clusters are ${structure} and ${rates}.` };
  if (tidy) return { tidy, useful, text: `Statistically tidy but operationally useless: clusters are ${structure}, but ${rates}.` };
  if (useful) return { tidy, useful, text: `Useful but fuzzy: clusters are ${structure}, yet ${rates}; treat the boundaries as soft.` };
  return { tidy, useful, text: `Neither tidy nor useful: clusters are ${structure} and ${rates}.` };
}

function judge(points: StandardizedPoints, labels: Int32Array, k: number, centroids: Float64Array, names: string[], silhouette: number, options: CompareOptions): Judged {
  const { values, feature } = options.outcome;
  const sizes = new Array<number>(k + 1).fill(0); // index k = noise
  const known = new Array<number>(k + 1).fill(0);
  const hits = new Array<number>(k + 1).fill(0);
  for (let row = 0; row < points.rows; row++) {
    const group = labels[row]! >= 0 ? labels[row]! : k;
    sizes[group]!++;
    const value = values[points.rowUsers[row]!]!;
    if (value !== value) continue;
    known[group]!++;
    if (value >= 0.5) hits[group]!++;
  }
  const dims = points.dims;
  const summary = (group: number): ClusterSummary => {
    const centroid = group < k ? Array.from(centroids.subarray(group * dims, (group + 1) * dims)) : [];
    return {
      index: group < k ? group : -1,
      name: group < k ? names[group]! : "Noise",
      size: sizes[group]!,
      share: points.rows === 0 ? 0 : sizes[group]! / points.rows,
      centroid,
      traits: group < k ? clusterTraits(centroid, points.scaler) : [],
      outcome: { users: known[group]!, hits: hits[group]!, rate: known[group]! === 0 ? null : hits[group]! / known[group]! },
    };
  };
  const clusters = Array.from({ length: k }, (_, c) => summary(c));
  if (sizes[k]! > 0) clusters.push(summary(k));
  // The test includes noise as a group of its own: membership includes being noise.
  const test = chiSquareIndependence(clusters.map((cluster) => [cluster.outcome.hits, cluster.outcome.users - cluster.outcome.hits]));
  const counted = clusters.filter(
    (cluster) => cluster.index >= 0 && cluster.share >= COUNTED_MIN_SHARE && cluster.outcome.users >= COUNTED_MIN_USERS,
  );
  const rates = counted.map((cluster) => cluster.outcome.rate!);
  const range: [number, number] | null = rates.length >= 2 ? [Math.min(...rates), Math.max(...rates)] : null;
  const spread = range ? range[1] - range[0] : null;
  const info = FEATURES[feature];
  const words = `the share ${info.phrase.style === "flag" ? info.phrase.yes : info.label.toLowerCase()}`;
  return { clusters, outcomeTest: test, outcomeSpread: spread, verdict: verdict(silhouette, test, spread, range, words) };
}

function definitionFor(method: ClusterMethod, points: StandardizedPoints, centroids: Float64Array, names: string[]): ClustersDefinition {
  const dims = points.dims;
  return {
    method,
    features: points.scaler.features.map(({ feature, log, mean, sd }) => ({ feature: feature as ClustersDefinition["features"][number]["feature"], log, mean, sd })),
    clusters: names.map((name, c) => ({ name, centroid: Array.from(centroids.subarray(c * dims, (c + 1) * dims)) })),
  };
}

/** @throws RangeError when there are too few users for the requested k. */
export function compareClusterings(points: StandardizedPoints, options: CompareOptions): ComparisonWithLabels {
  const seed = options.seed ?? 1;
  const clock = options.clock;
  const sample = silhouetteSample(points.rows, options.silhouetteSampleSize ?? SILHOUETTE_SAMPLE_SIZE, seed);
  const timed = <T>(run: () => T): { value: T; ms: number | null } => {
    const started = clock?.();
    const value = run();
    return { value, ms: clock && started !== undefined ? clock() - started : null };
  };

  const kmeansOptions = { seed, ...(options.kmeansFitSampleSize ? { fitSampleSize: options.kmeansFitSampleSize } : {}) };
  const kmeansRun = timed(() => {
    if (options.k !== "auto") return { result: kmeans(points, { ...kmeansOptions, k: options.k }), curve: [] as KCurvePoint[] };
    const chosen = chooseK(points, { ...kmeansOptions, sample, kMin: options.kMin ?? 2, kMax: options.kMax ?? 10 });
    return { result: chosen.result, curve: chosen.curve };
  });
  const k = kmeansRun.value.result.k;
  const wardRun = timed(() => wardClustering(points, { k, seed, ...(options.wardSampleSize ? { sampleSize: options.wardSampleSize } : {}) }));
  const dbscanRun = timed(() => dbscan(points, { ...options.dbscan, seed }));

  // k-means and Ward keep their own centroids (their labels are nearest-centroid labels, so a saved model
  // reproduces them); DBSCAN's clusters are not centroid-shaped: its saved centroids are its clusters' means.
  const finish = (method: ClusterMethod, rawLabels: Int32Array, clusterCount: number, fitSampleSize: number, ms: number | null, ownCentroids?: Float64Array) => {
    const labels = relabelBySize(rawLabels, clusterCount);
    const centroids = ownCentroids ? reorderCentroids(ownCentroids, rawLabels, labels, clusterCount, points.dims) : labelCentroids(points, labels, clusterCount);
    const names = nameClusters(centroids, clusterCount, points.scaler);
    const { score, sampleSize } = sampledSilhouette(points, labels, sample);
    const judged = judge(points, labels, clusterCount, centroids, names, score, options);
    let noise = 0;
    for (const label of labels) if (label < 0) noise++;
    const result: MethodResult = {
      method,
      k: clusterCount,
      silhouette: score,
      silhouetteSampleSize: sampleSize,
      fitSampleSize,
      noise,
      ...judged,
      definition: clusterCount > 0 ? definitionFor(method, points, centroids, names) : null,
      ms,
    };
    return { result, labels };
  };

  const km = kmeansRun.value.result;
  const kmeansDone = finish("kmeans", km.labels, k, km.fitSampleSize, kmeansRun.ms, km.centroids);
  const wardDone = finish("ward", wardRun.value.labels, k, wardRun.value.sampleSize, wardRun.ms, wardRun.value.centroids);
  const db = dbscanRun.value;
  const dbscanDone = finish("dbscan", db.labels, db.clusters, db.sampleSize, dbscanRun.ms);

  const results = [kmeansDone.result, wardDone.result, dbscanDone.result];
  const useful = results.filter((result) => result.verdict.useful && result.k >= 2);
  const pool = useful.length > 0 ? useful : results.filter((result) => result.k >= 2);
  const best = (pool.length > 0 ? pool : results).reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  const recommendation = {
    method: best.method,
    text:
      useful.length > 0
        ? `Use ${METHOD_NAMES[best.method]}: of the methods whose clusters differ in the outcome it has the best silhouette (${best.silhouette.toFixed(2)}).`
        : `No method's clusters differ enough in the outcome; ${METHOD_NAMES[best.method]} has the best silhouette (${best.silhouette.toFixed(2)}) if structure alone is what you need.`,
  };

  const comparison: ClusterComparison = {
    features: points.scaler.features.map(({ feature, log, mean, sd }) => ({ feature, log, mean, sd })),
    outcome: options.outcome.feature,
    users: points.rows,
    missing: points.missing,
    kChosen: options.k === "auto" ? "auto" : "fixed",
    kCurve: kmeansRun.value.curve,
    kmeans: { ...kmeansDone.result, iterations: km.iterations, converged: km.converged },
    ward: { ...wardDone.result, cutHeight: wardRun.value.cutHeight },
    dbscan: {
      ...dbscanDone.result,
      eps: db.eps,
      epsSuggested: db.epsSuggested,
      minPts: db.minPts,
      corePoints: db.corePoints,
      kDistanceCurve: db.kDistanceCurve,
    },
    recommendation,
    warnings: points.warnings,
  };
  return { comparison, labels: { kmeans: kmeansDone.labels, ward: wardDone.labels, dbscan: dbscanDone.labels } };
}
