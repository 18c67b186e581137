/**
 * Clustering the demo generator's users through the API route: the planted
 * power users (demo-events.ts effect 5: 6.5–8.5 sessions/week, 3–5 core
 * features, rarely churn) must come out as one cluster.
 *
 * Power users are identified the way demo-ground-truth.ts measures them:
 * > 5 sessions/week over their lifetime and ≥ 3 core features used.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postClusters } from "@/app/api/datasets/[name]/clusters/route";
import { clearAnalysisCache } from "../analytics/result-cache";
import type { Database } from "../db/client";
import { testEngines, type TestDatabase } from "../db/testing";
import { DEMO_DATASET } from "../demo/demo-dataset";
import { loadDemo } from "../demo/load-demo";
import { clearFeatureCache, getDatasetFeatures } from "../segments/feature-cache";
import { ClustersDefinitionSchema } from "../definitions/clusters";
import { scoreClusters } from "../scoring/clusters";
import { clusterResponseSchema, type ClusterResponse } from "./clustering.types";

const DEMO_USERS = 3_000;
const BASE = `http://localhost/api/datasets/${DEMO_DATASET.name}/clusters`;
const params = (name: string = DEMO_DATASET.name) => ({ params: Promise.resolve({ name }) });
const post = (body: unknown) =>
  new Request(BASE, { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe.each(testEngines())("clusters API on the demo data ($name)", (engine) => {
  let database: TestDatabase;
  const globals = globalThis as unknown as { strataDatabase?: Promise<Database> };
  let previous: Promise<Database> | undefined;
  beforeAll(async () => {
    database = await engine.open();
    previous = globals.strataDatabase;
    globals.strataDatabase = Promise.resolve(database);
    clearFeatureCache();
    clearAnalysisCache();
    await loadDemo(database.db, { users: DEMO_USERS });
  }, 600_000);
  afterAll(async () => {
    globals.strataDatabase = previous;
    await database.close();
  });

  /** Power users of the store (the ground truth's measured definition), and the cluster of each user under a saved definition. */
  async function powerUsersAndClusters(result: ClusterResponse) {
    const { store } = await getDatasetFeatures(database.db, DEMO_DATASET.name);
    const power = Array.from({ length: store.size }, (_, i) => i).filter(
      (i) => store.columns.sessionsPerWeek[i]! > 5 && store.columns.coreFeaturesUsed[i]! >= 3,
    );
    // Scoring with the saved definition is what a saved cluster segment does to current and new users.
    const scored = scoreClusters(store, ClustersDefinitionSchema.parse(result.kmeans.definition));
    const sizes = new Array<number>(scored.segments.length).fill(0);
    for (const label of scored.labels) sizes[label]!++;
    const powerCounts = new Array<number>(scored.segments.length).fill(0);
    for (const i of power) powerCounts[scored.labels[i]!]!++;
    const home = powerCounts.indexOf(Math.max(...powerCounts));
    return { store, power, sizes, home, captured: powerCounts[home]!, homeSize: sizes[home]! };
  }

  it("recovers the planted power users as one small cluster when clustering on usage breadth and frequency (k by silhouette)", async () => {
    const response = await postClusters(post({ features: ["sessionsPerWeek", "coreFeaturesUsed"], outcome: "retained" }), params());
    expect(response.status).toBe(200);
    const result = clusterResponseSchema.parse(await response.json());
    const { power, sizes, home, captured, homeSize } = await powerUsersAndClusters(result);
    // The generator plants ≈ 1.9% measured power users: 30–100 of 3,000.
    expect(power.length).toBeGreaterThan(30);
    expect(power.length).toBeLessThan(100);
    expect(result.kChosen).toBe("auto");
    expect(result.kCurve).toHaveLength(9);
    // One cluster holds ≥ 90% of the power users, and they are most of it: the group is recovered, not just contained.
    expect(captured / power.length).toBeGreaterThanOrEqual(0.9);
    expect(captured / homeSize).toBeGreaterThanOrEqual(0.6);
    expect(result.kmeans.clusters[home]!.name).toMatch(/^Very frequent sessions, very many core features/);
    // The saved definition reproduces the comparison's k-means clusters exactly (plus an empty "Not clustered").
    expect(sizes).toEqual([...result.kmeans.clusters.map((cluster) => cluster.size), 0]);
    // Power users rarely churn (hazard 0.03/week): their cluster retains better than users overall.
    const overall = result.kmeans.clusters.reduce((sum, cluster) => sum + cluster.outcome.hits, 0) / result.users;
    expect(result.kmeans.clusters[home]!.outcome.rate!).toBeGreaterThan(overall);
    expect(result.dbscan.fitSampleSize).toBe(3_000);
    expect(result.ward.silhouetteSampleSize).toBeLessThanOrEqual(2_000);
  }, 600_000);

  it("puts the power users in one cluster with the default features at k = 5", async () => {
    const response = await postClusters(post({ k: 5 }), params());
    expect(response.status).toBe(200);
    const result = clusterResponseSchema.parse(await response.json());
    expect(result.features.map((feature) => feature.feature)).toEqual(["sessionsPerWeek", "activeDays30d", "weeksActive12", "coreFeaturesUsed", "eventsPerActiveWeek", "recencyDays"]);
    expect(result.kmeans.k).toBe(5);
    const { store, power, captured, homeSize } = await powerUsersAndClusters(result);
    expect(captured / power.length).toBeGreaterThanOrEqual(0.8);
    // Power users are ≥ 5× as common in that cluster as among all users.
    expect(captured / homeSize).toBeGreaterThanOrEqual((5 * power.length) / store.size);
  }, 600_000);

  it("answers 400 for a bad request and 404 for an unknown dataset", async () => {
    const badK = await postClusters(post({ k: 1 }), params());
    expect(badK.status).toBe(400);
    expect(((await badK.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    const notJson = await postClusters(post("{"), params());
    expect(notJson.status).toBe(400);
    const missing = await postClusters(post({}), params("no-such-dataset"));
    expect(missing.status).toBe(404);
  });
});
