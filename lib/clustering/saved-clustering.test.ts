import { describe, expect, it } from "vitest";
import { HAND_MADE_CLUSTERS } from "../definitions/clusters-fixture";
import { clusteringToSave } from "./saved-clustering";

const result = Object.freeze({ definition: HAND_MADE_CLUSTERS });

describe("clusteringToSave", () => {
  it("keeps the scaler and centroids and applies the edited names (trimmed)", () => {
    const saved = clusteringToSave(result, { 2: "  Power users " });
    expect(saved).toEqual({
      ok: true,
      definition: {
        ...HAND_MADE_CLUSTERS,
        clusters: [
          { name: "Light", centroid: [-1, -1] },
          { name: "Regular", centroid: [0, 0.5] },
          { name: "Power users", centroid: [2, 2] },
        ],
      },
    });
    expect(HAND_MADE_CLUSTERS.clusters[2]!.name).toBe("Heavy");
  });

  it("refuses empty, repeated and reserved names with sentences", () => {
    expect(clusteringToSave(result, { 0: " ", 2: "Regular" })).toEqual({
      ok: false,
      errors: ["Cluster 1 needs a name", 'Clusters 2 and 3 are both named "Regular"'],
    });
    expect(clusteringToSave(result, { 1: "Not clustered" })).toEqual({
      ok: false,
      errors: ['"Not clustered" is kept for users without a value; give cluster 2 another name'],
    });
  });

  it("says there is nothing to save when the method found no cluster", () => {
    expect(clusteringToSave({ definition: null }, {})).toEqual({ ok: false, errors: ["This method found no cluster, so there is nothing to save."] });
  });
});
