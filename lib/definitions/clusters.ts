/**
 * A clustering saved as a segment definition: the scaler (features, log
 * transform, mean, sd) and each cluster's name and standardized centroid.
 * Scoring puts every user in the cluster of the nearest centroid, on the
 * saved scale, so new users are scored exactly as the clustered ones were
 * (and re-scoring never re-runs the clustering). Users missing a value of a
 * clustering feature go to "Not clustered".
 *
 * The same rule serves all three methods: for k-means and Ward it is their own
 * assignment; for DBSCAN the saved model drops the density rule (noise
 * becomes whichever cluster is nearest) — the saved definition says so.
 */
import { z } from "zod";
import { ConditionFeatureSchema, FEATURES } from "../definitions/features";
import type { FeatureStore } from "../scoring/feature-store";
import type { SegmentCriteria } from "../definitions/segment-name";
import type { Segmentation } from "../scoring/segmentation";
import { MAX_CLUSTER_NAME_LENGTH } from "./naming";
import { applyScaler, type Scaler } from "./standardize";

export const NOT_CLUSTERED = "Not clustered";
export const MAX_CLUSTERS = 50;

export const ClusterMethodSchema = z.enum(["kmeans", "ward", "dbscan"]);
export type ClusterMethod = z.infer<typeof ClusterMethodSchema>;

export const ClustersDefinitionSchema = z
  .object({
    method: ClusterMethodSchema,
    features: z
      .array(
        z.object({
          feature: ConditionFeatureSchema,
          log: z.boolean(),
          mean: z.number(),
          sd: z.number().positive(),
        }),
      )
      .min(1)
      .max(20),
    clusters: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(MAX_CLUSTER_NAME_LENGTH),
          /** Standardized units, one value per feature, in feature order. */
          centroid: z.array(z.number()),
        }),
      )
      .min(1)
      .max(MAX_CLUSTERS),
  })
  .superRefine((definition, context) => {
    const names = new Set<string>();
    definition.clusters.forEach((cluster, index) => {
      if (cluster.centroid.length !== definition.features.length) {
        context.addIssue({
          code: "custom",
          path: ["clusters", index, "centroid"],
          message: `Cluster "${cluster.name}" has ${cluster.centroid.length} centroid values for ${definition.features.length} features`,
        });
      }
      if (names.has(cluster.name) || cluster.name === NOT_CLUSTERED) {
        context.addIssue({ code: "custom", path: ["clusters", index, "name"], message: `The name "${cluster.name}" is used twice` });
      }
      names.add(cluster.name);
    });
    const features = definition.features.map((entry) => entry.feature);
    const repeated = features.find((feature, index) => features.indexOf(feature) !== index);
    if (repeated) context.addIssue({ code: "custom", path: ["features"], message: `${FEATURES[repeated].label} is listed twice` });
  });
export type ClustersDefinition = z.infer<typeof ClustersDefinitionSchema>;

/** Each cluster's criteria in plain words: its defining features. */
export function describeClustersCriteria(definition: ClustersDefinition): SegmentCriteria[] {
  const featureList = definition.features.map((entry) => FEATURES[entry.feature].label.toLowerCase()).join(", ");
  return [
    ...definition.clusters.map((cluster) => ({ segment: cluster.name, criteria: `Nearest centroid (${featureList}) is "${cluster.name}"` })),
    { segment: NOT_CLUSTERED, criteria: `No value for at least one of ${featureList}` },
  ];
}

/** Segment per user = nearest centroid; score = distance to it in standardized units (NaN when not clustered). */
export function scoreClusters(store: FeatureStore, definition: ClustersDefinition): Segmentation {
  const scaler: Scaler = { features: definition.features };
  const dims = definition.features.length;
  const k = definition.clusters.length;
  const centroids = new Float64Array(k * dims);
  definition.clusters.forEach((cluster, c) => centroids.set(cluster.centroid, c * dims));
  const complete: number[] = [];
  for (let i = 0; i < store.size; i++) {
    if (definition.features.every(({ feature }) => store.columns[feature][i] === store.columns[feature][i])) complete.push(i);
  }
  const rows = Int32Array.from(complete);
  const points = applyScaler(store, scaler, rows);
  const labels = new Uint16Array(store.size).fill(k); // k = "Not clustered"
  const scores = new Float64Array(store.size).fill(Number.NaN);
  for (let r = 0; r < rows.length; r++) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let distance = 0;
      for (let d = 0; d < dims; d++) distance += (points.data[r * dims + d]! - centroids[c * dims + d]!) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    labels[rows[r]!] = best;
    scores[rows[r]!] = Math.sqrt(bestDistance);
  }
  const warnings = definition.features
    .filter(({ feature }) => !store.available.has(feature))
    .map(({ feature }) => `${FEATURES[feature].label} has no values in this dataset: every user is "${NOT_CLUSTERED}"`);
  return { labels, segments: [...definition.clusters.map((cluster) => cluster.name), NOT_CLUSTERED], scores, warnings };
}
