/**
 * What "Save as segment definition" on the Clusters page sends: one method's
 * scaler and centroids (MethodResult.definition) with the names as the person
 * edited them, validated as a "clusters" definition so the page shows the
 * same sentences the API would answer with.
 */
import type { ClustersDefinition } from "../definitions/clusters";
import { validateDefinition } from "../definitions/models";
import type { MethodResult } from "./clustering.types";
import { renameClusters } from "./naming";

export type SavedClustering = { ok: true; definition: ClustersDefinition } | { ok: false; errors: string[] };

/**
 * @param edits cluster index → edited name (the cluster table's edits).
 * @example clusteringToSave(result.kmeans, { 0: "Power users" })
 *   // { ok: true, definition: { method: "kmeans", features: […], clusters: [{ name: "Power users", centroid: […] }, …] } }
 */
export function clusteringToSave(result: Pick<MethodResult, "definition">, edits: Readonly<Record<number, string>>): SavedClustering {
  const base = result.definition;
  if (base === null) return { ok: false, errors: ["This method found no cluster, so there is nothing to save."] };
  const renamed = renameClusters(
    base.clusters.map((cluster) => cluster.name),
    edits,
  );
  if (!renamed.ok) return renamed;
  const checked = validateDefinition("clusters", { ...base, clusters: base.clusters.map((cluster, index) => ({ ...cluster, name: renamed.names[index]! })) });
  return checked.ok ? { ok: true, definition: checked.definition } : checked;
}
