/**
 * Per-user features → a standardized point matrix for clustering.
 *
 * - Only users with a value for every chosen feature are clustered (a NaN, SQL
 *   NULL, cannot be placed); `rowUsers[r]` is row r's position in the store.
 * - Heavy-tailed counts are log1p-transformed first, so a handful of users with
 *   thousands of events do not become clusters of their own. Automatic rule:
 *   sample skewness > 1 (Bulmer's "highly skewed") and no negative value
 *   (log1p needs x > −1); a caller may force it on or off per feature.
 * - Then z-scores: (value − mean) / sd with the population sd. mean and sd are
 *   kept in the scaler so a saved cluster model scores new users on the same
 *   scale. A constant feature (sd 0) gets sd 1: every user's z is 0.
 */
import { standardizedValue } from "../definitions/clusters";
import type { FeatureName } from "../definitions/features";
import type { FeatureStore } from "../scoring/feature-store";
import type { PointMatrix } from "./point-matrix";

export interface ScaledFeature {
  feature: FeatureName;
  /** log1p applied before the z-score. */
  log: boolean;
  /** Mean and population sd of the (transformed) values the scaler was fitted on. */
  mean: number;
  sd: number;
}

export interface Scaler {
  features: ScaledFeature[];
}

export interface StandardizedPoints extends PointMatrix {
  /** Store index of each row. */
  rowUsers: Int32Array;
  /** Users left out because a chosen feature has no value for them. */
  missing: number;
  scaler: Scaler;
  /** Plain-language notes (a constant feature). */
  warnings: string[];
}

export interface StandardizeOptions {
  /** Force log1p on (true) or off (false) for a feature; others follow the skewness rule. */
  log?: Partial<Record<FeatureName, boolean>>;
}

export const LOG_SKEWNESS_THRESHOLD = 1;

/**
 * Sample skewness g1 = m3 / m2^1.5 (population moments) of the values at `rows`.
 * @example skewness(Float64Array.of(1, 2, 3, 10), Int32Array.of(0, 1, 2, 3)) // 45 / 12.5^1.5 ≈ 1.018
 */
export function skewness(values: Float64Array, rows: Int32Array): number {
  let mean = 0;
  for (let r = 0; r < rows.length; r++) mean += values[rows[r]!]!;
  mean /= rows.length;
  let m2 = 0;
  let m3 = 0;
  for (let r = 0; r < rows.length; r++) {
    const diff = values[rows[r]!]! - mean;
    m2 += diff * diff;
    m3 += diff * diff * diff;
  }
  m2 /= rows.length;
  m3 /= rows.length;
  return m2 === 0 ? 0 : m3 / m2 ** 1.5;
}

/** Store indices of users with a value for every feature. */
function completeRows(store: FeatureStore, features: readonly FeatureName[]): Int32Array {
  const rows = new Int32Array(store.size);
  let count = 0;
  for (let i = 0; i < store.size; i++) {
    let complete = true;
    for (const feature of features) {
      const value = store.columns[feature][i]!;
      if (value !== value) {
        complete = false;
        break;
      }
    }
    if (complete) rows[count++] = i;
  }
  return rows.slice(0, count);
}

function transform(value: number, log: boolean): number {
  return log ? Math.log1p(value) : value;
}

/**
 * Fits the scaler on the store's complete rows and standardizes them.
 * @throws RangeError without features, or when no user has a value for all of them.
 */
export function standardize(store: FeatureStore, features: readonly FeatureName[], options: StandardizeOptions = {}): StandardizedPoints {
  if (features.length === 0) throw new RangeError("Choose at least one feature to cluster on");
  const rowUsers = completeRows(store, features);
  if (rowUsers.length === 0) throw new RangeError(`No user has a value for all of ${features.join(", ")}`);
  const warnings: string[] = [];
  const scaled = features.map((feature): ScaledFeature => {
    const column = store.columns[feature];
    let min = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rowUsers.length; r++) min = Math.min(min, column[rowUsers[r]!]!);
    const log = options.log?.[feature] ?? (min >= 0 && skewness(column, rowUsers) > LOG_SKEWNESS_THRESHOLD);
    if (log && min <= -1) throw new RangeError(`${feature} has values ≤ −1: log1p cannot be applied`);
    let mean = 0;
    for (let r = 0; r < rowUsers.length; r++) mean += transform(column[rowUsers[r]!]!, log);
    mean /= rowUsers.length;
    let variance = 0;
    for (let r = 0; r < rowUsers.length; r++) variance += (transform(column[rowUsers[r]!]!, log) - mean) ** 2;
    const sd = Math.sqrt(variance / rowUsers.length);
    if (sd === 0) warnings.push(`${feature} has the same value for every clustered user: it cannot separate clusters`);
    return { feature, log, mean, sd: sd === 0 ? 1 : sd };
  });
  const scaler = { features: scaled };
  return { ...applyScaler(store, scaler, rowUsers), rowUsers, missing: store.size - rowUsers.length, scaler, warnings };
}

/** The z-scores of the given store rows under a fitted scaler (new users are scored on the old scale). */
export function applyScaler(store: FeatureStore, scaler: Scaler, rowUsers: Int32Array): PointMatrix {
  const dims = scaler.features.length;
  const data = new Float64Array(rowUsers.length * dims);
  scaler.features.forEach((scaled, d) => {
    const column = store.columns[scaled.feature];
    for (let r = 0; r < rowUsers.length; r++) data[r * dims + d] = standardizedValue(scaled, column[rowUsers[r]!]!);
  });
  return { data, rows: rowUsers.length, dims };
}

/** A standardized value back in the feature's own units (expm1 undoes log1p). */
export function unscale(feature: ScaledFeature, z: number): number {
  const value = z * feature.sd + feature.mean;
  return feature.log ? Math.expm1(value) : value;
}
