/**
 * Generated users with planted clusters, for tests and the benchmark: the
 * ground truth a clustering must recover (adjusted Rand index).
 *
 * Each cluster has a centre drawn uniformly in [−spread, spread] on every
 * feature (redrawn until all centres are `minSeparation` apart, so the planted
 * clusters really are separate) and unit-sd Gaussian noise around it; cluster c gets a share
 * `weights[c]` of the users (users are assigned in a seeded random order).
 * Values live on the scale of the listed features, so the data goes through
 * the same FeatureStore → standardize path as real features.
 */
import type { FeatureName } from "../definitions/features";
import { createFeatureStore, type FeatureStore } from "../scoring/feature-store";
import { seededRandom } from "./random-sample";

export const PLANTED_FEATURES: readonly FeatureName[] = [
  "sessionsPerWeek",
  "activeDays30d",
  "weeksActive12",
  "coreFeaturesUsed",
  "eventsPerActiveWeek",
  "recencyDays",
  "monetary",
  "sessionsTotal",
  "activeDays90d",
  "frequency",
];

export interface PlantedOptions {
  users: number;
  /** How many of PLANTED_FEATURES to fill (≤ 10). */
  dims: number;
  weights: readonly number[];
  seed: number;
  /** Half-width of the box the centres are drawn from, in noise sds. Default 5. */
  spread?: number;
  /** Centres are redrawn until every two are at least this far apart (noise sds). Default 6. */
  minSeparation?: number;
}

function drawCentres(count: number, dims: number, spread: number, minSeparation: number, random: () => number): number[][] {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const centres = Array.from({ length: count }, () => Array.from({ length: dims }, () => (2 * random() - 1) * spread));
    const apart = centres.every((a, i) => centres.slice(i + 1).every((b) => Math.hypot(...a.map((value, d) => value - b[d]!)) >= minSeparation));
    if (apart) return centres;
  }
  throw new RangeError(`Cannot place ${count} centres ${minSeparation} apart within ±${spread}`);
}

export interface PlantedData {
  store: FeatureStore;
  features: FeatureName[];
  /** The planted cluster of each user. */
  truth: Int32Array;
}

export function plantedClusters(options: PlantedOptions): PlantedData {
  const { users, dims, weights, seed, spread = 5, minSeparation = 6 } = options;
  const random = seededRandom(seed);
  const features = PLANTED_FEATURES.slice(0, dims);
  const centres = drawCentres(weights.length, dims, spread, minSeparation, random);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const truth = new Int32Array(users);
  for (let i = 0; i < users; i++) {
    let roll = random() * total;
    let cluster = 0;
    while (cluster < weights.length - 1 && roll >= weights[cluster]!) roll -= weights[cluster++]!;
    truth[i] = cluster;
  }
  const columns: Partial<Record<FeatureName, Float64Array>> = {};
  features.forEach((feature, d) => {
    const column = new Float64Array(users);
    for (let i = 0; i < users; i++) {
      // Box–Muller: one standard normal from two uniforms.
      const noise = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      column[i] = centres[truth[i]!]![d]! + noise;
    }
    columns[feature] = column;
  });
  const store = createFeatureStore({ userIds: Array.from({ length: users }, (_, i) => `u${i}`), asOf: null, columns });
  return { store, features, truth };
}
