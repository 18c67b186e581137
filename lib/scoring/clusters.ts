/**
 * Scores a saved clustering (lib/definitions/clusters.ts): each user goes to
 * the cluster of the nearest centroid (squared Euclidean distance in
 * standardized units, the distance k-means and Ward minimise), on the scale
 * saved with the definition; ties go to the earlier cluster. Users without a
 * value for every clustering feature are "Not clustered".
 */
import { FEATURES } from "../definitions/features";
import { NOT_CLUSTERED, standardizedValue, type ClustersDefinition } from "../definitions/clusters";
import type { FeatureStore } from "./feature-store";
import type { Segmentation } from "./segmentation";

/** Segment per user = nearest centroid; score = distance to it in standardized units (NaN when not clustered). */
export function scoreClusters(store: FeatureStore, definition: ClustersDefinition): Segmentation {
  const dims = definition.features.length;
  const k = definition.clusters.length;
  const columns = definition.features.map(({ feature }) => store.columns[feature]);
  const labels = new Uint16Array(store.size).fill(k); // k = "Not clustered"
  const scores = new Float64Array(store.size).fill(Number.NaN);
  const point = new Float64Array(dims);
  users: for (let i = 0; i < store.size; i++) {
    for (let d = 0; d < dims; d++) {
      const value = columns[d]![i]!;
      if (value !== value) continue users; // NaN = no value (SQL NULL)
      point[d] = standardizedValue(definition.features[d]!, value);
    }
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const centroid = definition.clusters[c]!.centroid;
      let distance = 0;
      for (let d = 0; d < dims; d++) distance += (point[d]! - centroid[d]!) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    labels[i] = best;
    scores[i] = Math.sqrt(bestDistance);
  }
  const warnings = definition.features
    .filter(({ feature }) => !store.available.has(feature))
    .map(({ feature }) => `${FEATURES[feature].label} has no values in this dataset: every user is "${NOT_CLUSTERED}"`);
  return { labels, segments: [...definition.clusters.map((cluster) => cluster.name), NOT_CLUSTERED], scores, warnings };
}
