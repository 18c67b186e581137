import { describe, expect, it } from "vitest";
import { ClustersDefinitionSchema, NOT_CLUSTERED, describeClustersCriteria, standardizedValue } from "./clusters";
import { HAND_MADE_CLUSTERS } from "./clusters-fixture";
import { validateDefinition } from "./models";

const definition = HAND_MADE_CLUSTERS;

describe("standardizedValue", () => {
  it("applies log1p before the z-score when the scaler says so", () => {
    // log1p(15) = ln 16; (ln 16 − ln 4) / ln 2 = log2(4) = 2.
    expect(standardizedValue(definition.features[1]!, 15)).toBeCloseTo(2, 12);
    // (5 − 2) / 2 = 1.5, no log.
    expect(standardizedValue(definition.features[0]!, 5)).toBe(1.5);
  });
});

describe("ClustersDefinitionSchema", () => {
  it("accepts a saved definition after a JSON round trip", () => {
    expect(ClustersDefinitionSchema.parse(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
    expect(validateDefinition("clusters", JSON.parse(JSON.stringify(definition)))).toEqual({ ok: true, definition });
  });

  it("refuses centroids of the wrong length, repeated names and a zero sd, in sentences", () => {
    const result = validateDefinition("clusters", {
      ...definition,
      features: [definition.features[0], { ...definition.features[1], sd: 0 }],
      clusters: [
        { name: "Light", centroid: [1] },
        { name: "Light", centroid: [1, 2] },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Clustering feature 2 "frequency": sd must be > 0 (got 0)',
        'Cluster "Light" has 1 centroid values for 2 features',
        'The name "Light" is used twice',
      ],
    });
  });

  it("refuses an unknown feature, an empty name and the reserved name", () => {
    const result = validateDefinition("clusters", {
      ...definition,
      features: [definition.features[0], { ...definition.features[1], feature: "frequncy" }],
      clusters: [
        { name: " ", centroid: [0, 0] },
        { name: "Heavy", centroid: [1, 1] },
      ],
    });
    expect(result).toEqual({ ok: false, errors: ['Clustering feature 2 "frequncy": unknown feature "frequncy"', "Cluster 1: name must not be empty"] });
    // "Not clustered" is the segment of users without a value: no cluster may take its name.
    const reserved = validateDefinition("clusters", { ...definition, clusters: [{ name: NOT_CLUSTERED, centroid: [1, 1] }] });
    expect(reserved).toEqual({ ok: false, errors: ['"Not clustered" is kept for users without a value; give cluster 1 another name'] });
  });

  it("describes each cluster's criteria by its most distinctive features", () => {
    const typical = describeClustersCriteria({ ...definition, clusters: [{ name: "Typical", centroid: [0.2, -0.4] }] });
    expect(typical[0]).toEqual({ segment: "Typical", criteria: "Nearest centroid: close to the average user on every feature" });
    expect(describeClustersCriteria(definition)).toEqual([
      { segment: "Light", criteria: "Nearest centroid: sessions per week −1.0 sd, frequency −1.0 sd" },
      // Regular's sessions per week (z 0) is not distinctive: only frequency (+0.5 sd) is named.
      { segment: "Regular", criteria: "Nearest centroid: frequency +0.5 sd" },
      { segment: "Heavy", criteria: "Nearest centroid: sessions per week +2.0 sd, frequency +2.0 sd" },
      { segment: NOT_CLUSTERED, criteria: "No value for at least one of sessions per week, frequency" },
    ]);
  });
});
