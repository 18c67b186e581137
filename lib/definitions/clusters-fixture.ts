/**
 * A hand-made saved clustering for tests: two features on easy scales, so
 * every z-score can be worked out by hand.
 *   sessionsPerWeek: no log, mean 2, sd 2        → z = (x − 2) / 2
 *   frequency: log1p, mean ln 4, sd ln 2          → z = log2((1 + x) / 4)
 */
import type { ClustersDefinition } from "./clusters";

export const HAND_MADE_CLUSTERS: ClustersDefinition = Object.freeze({
  method: "kmeans",
  features: [
    { feature: "sessionsPerWeek", log: false, mean: 2, sd: 2 },
    { feature: "frequency", log: true, mean: Math.log(4), sd: Math.LN2 },
  ],
  clusters: [
    { name: "Light", centroid: [-1, -1] },
    { name: "Regular", centroid: [0, 0.5] },
    { name: "Heavy", centroid: [2, 2] },
  ],
}) as ClustersDefinition;
