/**
 * A clustering saved as a segment definition (model "clusters"): the scaler
 * (features, log transform, mean, sd) and each cluster's name and
 * standardized centroid. Scoring (lib/scoring/clusters.ts) puts every user in
 * the cluster of the nearest centroid, on the saved scale, so new users are
 * scored exactly as the clustered ones were (and re-scoring never re-runs the
 * clustering). Users missing a value of a clustering feature go to
 * "Not clustered".
 *
 * The same rule serves all three methods: for k-means and Ward it is their own
 * assignment; for DBSCAN the saved model drops the density rule (noise
 * becomes whichever cluster is nearest) — the saved definition says so.
 *
 * There is no built-in default: centroids only mean something for the data
 * they were fitted on, so a definition always comes from a clustering run.
 */
import { z } from "zod";
import { ConditionFeatureSchema, FEATURES } from "./features";
import { MAX_SEGMENT_NAME_LENGTH, type SegmentCriteria } from "./segment-name";

export const NOT_CLUSTERED = "Not clustered";
export const MAX_CLUSTERS = 50;

export const ClusterMethodSchema = z.enum(["kmeans", "ward", "dbscan"]);
export type ClusterMethod = z.infer<typeof ClusterMethodSchema>;

const ScaledFeatureSchema = z.object({
  feature: ConditionFeatureSchema,
  log: z.boolean(),
  mean: z.number(),
  sd: z.number().positive(),
});
export type SavedScaledFeature = z.infer<typeof ScaledFeatureSchema>;

export const ClustersDefinitionSchema = z
  .object({
    method: ClusterMethodSchema,
    features: z.array(ScaledFeatureSchema).min(1).max(20),
    clusters: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(MAX_SEGMENT_NAME_LENGTH),
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
      if (cluster.name === NOT_CLUSTERED) {
        const message = `"${NOT_CLUSTERED}" is kept for users without a value; give cluster ${index + 1} another name`;
        context.addIssue({ code: "custom", path: ["clusters", index, "name"], message });
      } else if (names.has(cluster.name)) {
        context.addIssue({ code: "custom", path: ["clusters", index, "name"], message: `The name "${cluster.name}" is used twice` });
      }
      names.add(cluster.name);
    });
    const features = definition.features.map((entry) => entry.feature);
    const repeated = features.find((feature, index) => features.indexOf(feature) !== index);
    if (repeated) context.addIssue({ code: "custom", path: ["features"], message: `${FEATURES[repeated].label} is listed twice` });
  });
export type ClustersDefinition = z.infer<typeof ClustersDefinitionSchema>;

/**
 * A raw feature value on the saved scale: log1p first when the scaler says
 * so, then the z-score. The one formula clustering and scoring share.
 * @example standardizedValue({ log: true, mean: Math.log1p(9), sd: 1 }, 9) // 0
 */
export function standardizedValue(scaled: Pick<SavedScaledFeature, "log" | "mean" | "sd">, value: number): number {
  return ((scaled.log ? Math.log1p(value) : value) - scaled.mean) / scaled.sd;
}

/** Features named in a cluster's criteria: the most distinctive, at least half an sd from the average user. */
const CRITERIA_FEATURES = 3;
const CRITERIA_MIN_ABS_Z = 0.5;

function signedSd(z: number): string {
  return `${z >= 0 ? "+" : "−"}${Math.abs(z).toFixed(1)} sd`;
}

/**
 * Each cluster's criteria in plain words: nearest centroid, and where that
 * centroid sits on its most distinctive features (standardized units).
 * @example describeClustersCriteria(definition)[0]
 *   // { segment: "Light", criteria: "Nearest centroid: sessions per week −1.0 sd, frequency −1.0 sd" }
 */
export function describeClustersCriteria(definition: ClustersDefinition): SegmentCriteria[] {
  const label = (index: number) => FEATURES[definition.features[index]!.feature].label.toLowerCase();
  const featureList = definition.features.map((_, index) => label(index)).join(", ");
  return [
    ...definition.clusters.map((cluster) => {
      const distinctive = cluster.centroid
        .map((z, index) => ({ z, index }))
        .filter(({ z }) => Math.abs(z) >= CRITERIA_MIN_ABS_Z)
        .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.index - b.index)
        .slice(0, CRITERIA_FEATURES);
      const where = distinctive.length > 0 ? distinctive.map(({ z, index }) => `${label(index)} ${signedSd(z)}`).join(", ") : "close to the average user on every feature";
      return { segment: cluster.name, criteria: `Nearest centroid: ${where}` };
    }),
    { segment: NOT_CLUSTERED, criteria: `No value for at least one of ${featureList}` },
  ];
}
