/**
 * A clustering saved as a "clusters" segment definition scores users exactly
 * as the run clustered them: three planted groups of users (150, 100 and 50,
 * far apart in sessions per week, active days and core features), clustered
 * with k-means at k = 3, saved with one cluster renamed, then computed through
 * the normal segments service (sizes) and exported (every user's segment).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { compareClusterings } from "../clustering/compare";
import { seededRandom } from "../clustering/random-sample";
import { runClustering } from "../clustering/run-clustering";
import { clusteringToSave } from "../clustering/saved-clustering";
import { standardize } from "../clustering/standardize";
import type { ClusterResponse } from "../clustering/clustering.types";
import type { ClustersDefinition } from "../definitions/clusters";
import { testEngines, type TestDatabase } from "../db/testing";
import { buildReport } from "../report/build-report";
import { computeSegments } from "./compute-segments";
import { clearFeatureCache, getDatasetFeatures } from "./feature-cache";
import { exportSegmentCsv } from "./segment-export";
import { createFeatureDataset, insertFeatureRows, recordRefresh, type FixtureUser } from "./segment-fixtures";
import { saveDefinition } from "./segment-definitions";
import { SegmentsRequestError } from "./segment-errors";

const DATASET = "planted-clusters";
const FEATURES = ["sessionsPerWeek", "activeDays30d", "coreFeaturesUsed"] as const;

interface PlantedGroup {
  name: string;
  users: number;
  sessionsPerWeek: number;
  activeDays30d: number;
  coreFeaturesUsed: number;
}

// Centres several noise widths apart on every feature: any sound k-means finds these three.
const GROUPS: PlantedGroup[] = [
  { name: "casual", users: 150, sessionsPerWeek: 1, activeDays30d: 3, coreFeaturesUsed: 1 },
  { name: "regular", users: 100, sessionsPerWeek: 5, activeDays30d: 14, coreFeaturesUsed: 4 },
  { name: "power", users: 50, sessionsPerWeek: 12, activeDays30d: 27, coreFeaturesUsed: 8 },
];

function plantedUsers(prefix: string, perGroup?: number): (FixtureUser & { group: string })[] {
  const random = seededRandom(7);
  const jitter = (width: number) => (random() * 2 - 1) * width;
  return GROUPS.flatMap((group) =>
    Array.from({ length: perGroup ?? group.users }, (_, i) => ({
      userId: `${prefix}${group.name}-${String(i).padStart(3, "0")}`,
      group: group.name,
      sessionsPerWeek: Math.round((group.sessionsPerWeek + jitter(0.5)) * 10) / 10,
      activeDays30d: Math.round(group.activeDays30d + jitter(2)),
      coreFeaturesUsed: Math.round(group.coreFeaturesUsed + jitter(0.5)),
      converted: group.name === "power" ? i % 5 !== 0 : i % 10 === 0,
    })),
  );
}

function countBy(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe.each(testEngines())("a saved clustering as segments on $name", (engine) => {
  let database: TestDatabase;
  let datasetId: number;
  const users = plantedUsers("u-");
  let run: ClusterResponse;
  let definition: ClustersDefinition;
  /** user id → the cluster name the run gave it (k-means labels, as renamed). */
  const runSegment = new Map<string, string>();

  beforeAll(async () => {
    database = await engine.open();
    datasetId = await createFeatureDataset(database.db, DATASET);
    await insertFeatureRows(database.db, datasetId, users);
    await recordRefresh(database.db, datasetId);
    clearFeatureCache();
    clearAnalysisCache();

    run = await runClustering(database.db, DATASET, { features: [...FEATURES], k: 3, outcome: "converted", seed: 1 });
    // The run's per-user labels: the same standardize → compare the service does, with the same seed.
    const { store } = await getDatasetFeatures(database.db, DATASET);
    const points = standardize(store, [...FEATURES]);
    const { comparison, labels } = compareClusterings(points, { k: 3, outcome: { feature: "converted", values: store.columns.converted }, seed: 1 });
    expect(comparison.kmeans.clusters.map((cluster) => cluster.size)).toEqual(run.kmeans.clusters.map((cluster) => cluster.size));

    const saved = clusteringToSave(run.kmeans, { 0: "Casual planted" });
    if (!saved.ok) throw new Error(saved.errors.join("; "));
    definition = saved.definition;
    labels.kmeans.forEach((label, row) => runSegment.set(store.userIds[points.rowUsers[row]!]!, definition.clusters[label]!.name));
  }, 120_000);
  afterAll(() => database.close());
  beforeEach(() => clearFeatureCache());

  it("recovers the planted groups (sizes 150 / 100 / 50, one group per cluster)", () => {
    expect(run.users).toBe(300);
    expect(run.kmeans.clusters.map((cluster) => cluster.size)).toEqual([150, 100, 50]);
    const clusterOfGroup = new Map<string, Set<string>>();
    for (const user of users) {
      const set = clusterOfGroup.get(user.group) ?? new Set<string>();
      set.add(runSegment.get(user.userId)!);
      clusterOfGroup.set(user.group, set);
    }
    expect([...clusterOfGroup.values()].map((set) => set.size)).toEqual([1, 1, 1]);
    expect([...clusterOfGroup.get("casual")!]).toEqual(["Casual planted"]);
  });

  it("gives every user, through the segments service and its CSV export, the cluster the run gave it", async () => {
    const version = await saveDefinition(database.db, DATASET, { modelId: "clusters", name: "Planted k-means", definition, note: "k = 3" });
    expect(version).toMatchObject({ modelId: "clusters", name: "Planted k-means", version: 1, note: "k = 3" });
    expect(version.definition).toEqual(definition);

    const result = await computeSegments(database.db, DATASET, { modelId: "clusters", definitionRef: { name: "Planted k-means" } });
    expect(result.definitionVersion).toBe(1);
    const sizes = Object.fromEntries(result.segments.map((segment) => [segment.name, segment.users]));
    const [, second, third] = definition.clusters.map((cluster) => cluster.name);
    expect(sizes).toEqual({ "Casual planted": 150, [second!]: 100, [third!]: 50, "Not clustered": 0 });
    expect(sizes).toEqual({ ...countBy(runSegment.values()), "Not clustered": 0 });

    const exported = new Map<string, string>();
    for (const segment of definition.clusters) {
      const csv = await exportSegmentCsv(database.db, DATASET, { modelId: "clusters", definitionRef: { name: "Planted k-means", version: 1 }, segment: segment.name });
      expect(csv.header.slice(0, 6)).toEqual(["user_id", "segment", "distance_to_centroid", "sessions_per_week", "active_days_30d", "core_features_used"]);
      let text = "";
      for await (const chunk of csv.chunks) text += chunk;
      for (const line of text.trim().split("\r\n").slice(1)) exported.set(line.split(",")[0]!, segment.name);
    }
    expect(exported.size).toBe(300);
    expect(Object.fromEntries([...exported].sort())).toEqual(Object.fromEntries([...runSegment].sort()));
  });

  it("is the report's segment table when the report names it", async () => {
    const report = await buildReport(database.db, DATASET, { definition: "Planted k-means@1" });
    expect(report.segments).toMatchObject({ modelId: "clusters", definitionName: "Planted k-means", definitionVersion: 1, totalUsers: 300 });
    expect(report.segments.segments.map((segment) => [segment.name, segment.users])).toEqual([
      ...definition.clusters.map((cluster, index) => [cluster.name, [150, 100, 50][index]]),
      ["Not clustered", 0],
    ]);
  });

  it("scores users who arrive after the clustering on the saved scale", async () => {
    await insertFeatureRows(database.db, datasetId, plantedUsers("new-", 2));
    await recordRefresh(database.db, datasetId);
    clearFeatureCache();
    const result = await computeSegments(database.db, DATASET, { modelId: "clusters", definitionRef: { name: "Planted k-means" } });
    // Two new users per planted group, each joining its group's cluster; the old users stay where they were.
    expect(result.segments.map((segment) => segment.users)).toEqual([152, 102, 52, 0]);
  });

  it("says a saved clustering is needed when none is named", async () => {
    const attempt = computeSegments(database.db, DATASET, { modelId: "clusters" });
    await expect(attempt).rejects.toBeInstanceOf(SegmentsRequestError);
    await expect(attempt).rejects.toMatchObject({
      code: "definition_required",
      status: 400,
      message: "The Clusters model has no built-in definition: save a clustering from the Clusters tab first, then name it.",
    });
  });
});
