import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./ari";
import { ClustersDefinitionSchema } from "../definitions/clusters";
import { compareClusterings, relabelBySize, verdict } from "./compare";
import { plantedClusters } from "./planted-clusters";
import { standardize } from "./standardize";

const planted = plantedClusters({ users: 3_000, dims: 4, weights: [0.5, 0.3, 0.2], seed: 11 });
const points = standardize(planted.store, planted.features);

describe("compareClusterings", () => {
  it("runs the three methods on planted clusters and finds clusters that separate the outcome", () => {
    // Outcome by planted cluster: 0 → always retained, 1 → never, 2 → every other user.
    const outcome = Float64Array.from(planted.truth, (cluster, i) => (cluster === 0 ? 1 : cluster === 1 ? 0 : i % 2));
    const { comparison, labels } = compareClusterings(points, { k: "auto", outcome: { feature: "retained", values: outcome }, silhouetteSampleSize: 1_000 });
    expect(comparison.kChosen).toBe("auto");
    expect(comparison.kCurve.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(comparison.kmeans.k).toBe(3);
    expect(comparison.ward.k).toBe(3);
    for (const method of ["kmeans", "ward", "dbscan"] as const) {
      expect(adjustedRandIndex(planted.truth, labels[method]), method).toBeGreaterThanOrEqual(0.8);
      expect(comparison[method].silhouetteSampleSize, method).toBeLessThanOrEqual(1_000);
      expect(ClustersDefinitionSchema.safeParse(comparison[method].definition).success, method).toBe(true);
    }
    const kmeans = comparison.kmeans;
    // Largest cluster first: planted cluster 0 (50%, all retained), then 1 (30%, none), then 2 (20%, about half).
    expect(kmeans.clusters.map((cluster) => cluster.outcome.rate)).toEqual([1, 0, expect.closeTo(0.5, 1)]);
    expect(kmeans.clusters.map((cluster) => cluster.size).reduce((a, b) => a + b)).toBe(3_000);
    expect(kmeans.outcomeSpread).toBe(1);
    expect(kmeans.outcomeTest!.pValue).toBeLessThan(1e-12);
    expect(kmeans.verdict).toMatchObject({ tidy: true, useful: true });
    expect(kmeans.verdict.text).toMatch(/^Tidy and useful: clusters are well separated \(silhouette 0\.\d\d\) and the share retained ranges from 0% to 100% across clusters \(p < 0\.001, Cramér's V 0\.\d\d\)\.$/);
    expect(comparison.recommendation.text).toMatch(/^Use (k-means|Ward \(hierarchical\)|DBSCAN): of the methods whose clusters differ in the outcome it has the best silhouette/);
  });

  it('says "statistically tidy but operationally useless" when the outcome barely differs between clusters', () => {
    // Retained = every other member of each planted cluster: 50% (± half a user) in every cluster.
    const seen = [0, 0, 0];
    const outcome = Float64Array.from(planted.truth, (cluster) => seen[cluster]!++ % 2);
    const { comparison } = compareClusterings(points, { k: 3, outcome: { feature: "retained", values: outcome }, silhouetteSampleSize: 1_000 });
    expect(comparison.kChosen).toBe("fixed");
    expect(comparison.kCurve).toEqual([]);
    expect(comparison.kmeans.outcomeSpread!).toBeLessThan(0.01);
    expect(comparison.kmeans.verdict.tidy).toBe(true);
    expect(comparison.kmeans.verdict.useful).toBe(false);
    expect(comparison.kmeans.verdict.text).toMatch(/^Statistically tidy but operationally useless: clusters are well separated/);
    expect(comparison.recommendation.text).toMatch(/^No method's clusters differ enough in the outcome;/);
  });

  it("reports a DBSCAN that finds only noise without a definition to save", () => {
    const outcome = Float64Array.from(planted.truth, (cluster) => (cluster === 0 ? 1 : 0));
    // eps far below any distance between two users: no core point, every user is noise.
    const { comparison } = compareClusterings(points, {
      k: 3,
      outcome: { feature: "retained", values: outcome },
      silhouetteSampleSize: 500,
      dbscan: { eps: 1e-6, sampleSize: 500 },
    });
    expect(comparison.dbscan).toMatchObject({ k: 0, noise: 3_000, silhouette: 0, definition: null, outcomeSpread: null, outcomeTest: null });
    expect(comparison.dbscan.clusters.map((cluster) => [cluster.name, cluster.size])).toEqual([["Noise", 3_000]]);
    expect(comparison.recommendation.method).not.toBe("dbscan");
  });
});

describe("verdict", () => {
  const test = { statistic: 4, df: 2, pValue: 0.2, cramersV: 0.02, n: 10_000 };
  it("states the rule's four outcomes", () => {
    expect(verdict(0.62, test, 0.012, [0.41, 0.422], "the share retained").text).toBe(
      "Statistically tidy but operationally useless: clusters are well separated (silhouette 0.62), but the share retained only ranges from 41% to 42.2% across clusters (p = 0.200, Cramér's V 0.02).",
    );
    const strong = { ...test, pValue: 1e-9, cramersV: 0.3 };
    expect(verdict(0.31, strong, 0.4, [0.2, 0.6], "the share retained").text).toBe(
      "Useful but fuzzy: clusters are overlapping (silhouette 0.31), yet the share retained ranges from 20% to 60% across clusters (p < 0.001, Cramér's V 0.30); treat the boundaries as soft.",
    );
    expect(verdict(0.2, test, 0.01, [0.4, 0.41], "the share converted").text).toBe(
      "Neither tidy nor useful: clusters are overlapping (silhouette 0.20) and the share converted only ranges from 40% to 41% across clusters (p = 0.200, Cramér's V 0.02).",
    );
    // Significant but a 3-point spread: large-n significance alone is not "useful".
    expect(verdict(0.7, { ...test, pValue: 0.001 }, 0.03, [0.4, 0.43], "the share retained").useful).toBe(false);
  });

  it("says so when the outcome cannot be compared", () => {
    expect(verdict(0.55, null, null, null, "the share retained")).toEqual({
      tidy: true,
      useful: false,
      text: "Clusters are well separated (silhouette 0.55); too few users with a known outcome in two or more clusters to say whether they differ in the share retained.",
    });
  });
});

describe("relabelBySize", () => {
  it("numbers clusters largest first and keeps noise", () => {
    expect(Array.from(relabelBySize(Int32Array.of(0, 1, 1, -1, 2, 2, 2), 3))).toEqual([2, 1, 1, -1, 0, 0, 0]);
  });
});
