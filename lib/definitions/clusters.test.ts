import { describe, expect, it } from "vitest";
import { createFeatureStore } from "../scoring/feature-store";
import { ClustersDefinitionSchema, NOT_CLUSTERED, describeClustersCriteria, scoreClusters, type ClustersDefinition } from "./cluster-model";

const definition: ClustersDefinition = {
  method: "kmeans",
  features: [
    { feature: "sessionsPerWeek", log: false, mean: 2, sd: 1 },
    { feature: "frequency", log: true, mean: Math.log1p(9), sd: 1 },
  ],
  clusters: [
    { name: "Light", centroid: [-1, 0] },
    { name: "Heavy", centroid: [2, 1] },
  ],
};

describe("scoreClusters", () => {
  it("puts each user in the nearest centroid's cluster on the saved scale", () => {
    const store = createFeatureStore({
      userIds: ["a", "b", "c"],
      asOf: null,
      columns: {
        sessionsPerWeek: Float64Array.of(1, 4, 3),
        frequency: Float64Array.of(9, 9 * Math.E + Math.E - 1, Number.NaN),
      },
    });
    // a: z = (1 − 2, log1p(9) − log1p(9)) = (−1, 0): on "Light", distance 0.
    // b: z = (2, log1p(10e − 1) − log1p(9)) = (2, ln(10e) − ln 10) = (2, 1): on "Heavy", distance 0.
    // c: no frequency → "Not clustered", score NaN.
    const result = scoreClusters(store, definition);
    expect(result.segments).toEqual(["Light", "Heavy", NOT_CLUSTERED]);
    expect(Array.from(result.labels)).toEqual([0, 1, 2]);
    expect(result.scores![0]).toBeCloseTo(0, 12);
    expect(result.scores![1]).toBeCloseTo(0, 12);
    expect(result.scores![2]).toBeNaN();
    expect(result.warnings).toEqual([]);
  });

  it("warns when a feature has no values in the dataset", () => {
    const store = createFeatureStore({ userIds: ["a"], asOf: null, columns: { sessionsPerWeek: Float64Array.of(1) } });
    expect(scoreClusters(store, definition).warnings).toEqual([`Frequency has no values in this dataset: every user is "${NOT_CLUSTERED}"`]);
  });
});

describe("ClustersDefinitionSchema", () => {
  it("accepts a saved definition after a JSON round trip", () => {
    expect(ClustersDefinitionSchema.parse(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
  });

  it("refuses centroids of the wrong length, repeated names and a zero sd", () => {
    const result = ClustersDefinitionSchema.safeParse({
      ...definition,
      features: [definition.features[0], { ...definition.features[1], sd: 0 }],
      clusters: [
        { name: "Light", centroid: [1] },
        { name: "Light", centroid: [1, 2] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([
      "Too small: expected number to be >0",
      'Cluster "Light" has 1 centroid values for 2 features',
      'The name "Light" is used twice',
    ]);
  });

  it("describes each cluster's criteria", () => {
    expect(describeClustersCriteria(definition)).toEqual([
      { segment: "Light", criteria: 'Nearest centroid (sessions per week, frequency) is "Light"' },
      { segment: "Heavy", criteria: 'Nearest centroid (sessions per week, frequency) is "Heavy"' },
      { segment: NOT_CLUSTERED, criteria: "No value for at least one of sessions per week, frequency" },
    ]);
  });
});
