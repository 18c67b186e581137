/**
 * The server side of clustering: a dataset's features from the in-memory
 * feature cache → standardize → compareClusterings against an outcome flag,
 * cached per (dataset, request) until the dataset's data changes.
 */
import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { FEATURES } from "../definitions/features";
import { getDatasetFeatures } from "../segments/feature-cache";
import { SegmentsRequestError } from "../segments/segment-errors";
import { clusterResponseSchema, type ClusterRequest, type ClusterResponse } from "./clustering.types";
import { compareClusterings } from "./compare";
import { standardize } from "./standardize";

/** Fewer users than this give no stable clusters, silhouette or k-distance curve. */
export const MIN_CLUSTER_USERS = 50;

/**
 * @throws NotFoundError for an unknown dataset; SegmentsRequestError ("features_missing" before the
 *   first refresh, "invalid_request" when too few users have values for the chosen features).
 */
export async function runClustering(db: Db, datasetName: string, request: ClusterRequest): Promise<ClusterResponse> {
  const features = await getDatasetFeatures(db, datasetName);
  return cachedAnalysis(db, features.datasetId, "clusters", request, async () => {
    const { store } = features;
    const usable = request.features.filter((feature) => store.available.has(feature));
    const unusable = request.features.filter((feature) => !store.available.has(feature));
    if (unusable.length > 0) {
      throw new SegmentsRequestError(
        "invalid_request",
        `${unusable.map((feature) => FEATURES[feature].label).join(", ")} ${unusable.length === 1 ? "has" : "have"} no values in dataset "${datasetName}": choose other features.`,
      );
    }
    const points = standardize(store, usable);
    if (points.rows < MIN_CLUSTER_USERS) {
      throw new SegmentsRequestError(
        "invalid_request",
        `Clustering needs at least ${MIN_CLUSTER_USERS} users with a value for every chosen feature; dataset "${datasetName}" has ${points.rows}.`,
      );
    }
    const { comparison } = compareClusterings(points, {
      k: request.k,
      outcome: { feature: request.outcome, values: store.columns[request.outcome] },
      seed: request.seed,
      clock: () => performance.now(),
    });
    return clusterResponseSchema.parse({ ...comparison, dataset: features.datasetName, asOf: features.asOf.toISOString() });
  });
}
