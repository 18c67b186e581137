import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { testEngines, type TestDatabase } from "../db/testing";
import { copyEvents, createDemoDataset } from "../demo/copy-demo-events";
import { DEMO_DATASET, DEMO_DAYS, DEMO_SEED, DEMO_START } from "../demo/demo-dataset";
import { generateDemoEvents } from "../demo/demo-events";
import { refreshFeatures } from "../features/refresh-features";
import { getInsights } from "./insights";
import { insightsQuerySchema } from "./insights.types";

/**
 * The planted effects of the demo generator (lib/demo/demo-events.ts) must
 * come out at the top of their outcome's ranking. 3,000 users (the generator
 * is per-user deterministic, so these are the first 3,000 users of the full
 * demo). Windows follow how each effect is planted: early invites change the
 * weekly churn hazard (visible by week 8: window 56); pricing views in days
 * 0–13 drive upgrades until day 75 (days 14, window 84); social brings
 * one-and-done users (churn by Day 28).
 */
describe.each(testEngines())("getInsights on the demo ($name)", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    // COPY straight into events (the demo's insert ids as dedupe keys): the same
    // events as the ingest path, without parsing CSV, to keep the test fast.
    const datasetId = await createDemoDataset(database.db, DEMO_DATASET.name);
    await copyEvents(database.db, datasetId, generateDemoEvents({ seed: DEMO_SEED, users: 3_000, start: DEMO_START, days: DEMO_DAYS }), 1);
    await refreshFeatures(database.db, datasetId);
    // A loaded machine can make the first open and load slow.
  }, 240_000);
  afterAll(() => database.close());

  const insights = (query: Record<string, unknown>) => getInsights(database.db, DEMO_DATASET.name, insightsQuerySchema.parse(query));

  it("early inviters: among the top 3 behaviors that go with week-8 retention, ≈ 2–3× as often", async () => {
    const result = await insights({ outcome: "retained", days: 7, window: 56 });
    const top = result.raises.slice(0, 3);
    const invite = top.find((insight) => insight.id === "event:invite_teammate:1");
    expect(invite, top.map((insight) => insight.sentence).join("\n")).toBeDefined();
    expect(invite!.lift).toBeGreaterThan(2);
    expect(invite!.differenceLower).toBeGreaterThan(0);
    expect(invite!.smallSample).toBe(false);
    // Everyone compared was first seen ≥ 56 days before the as-of day.
    expect(result.eligibleUsers + result.tooRecentUsers).toBe(3_000);
    expect(result.tooRecentUsers).toBeGreaterThan(0);
  });

  it("social channel: the top behavior that goes with churn", async () => {
    const result = await insights({ outcome: "churned", days: 7 });
    expect(result.raises[0]!.id).toBe("channel:social");
    expect(result.raises[0]!.sentence).toMatch(/^Users who came from the social channel churned by Day 28 1\.\d× as often \(/);
  });

  it("pricing views: among the top 3 for conversion; heavy feature_x use among the top 2 that lower it", async () => {
    const result = await insights({ outcome: "converted", days: 14, window: 84 });
    const pricing = result.raises.slice(0, 3).find((insight) => insight.subject === "view_pricing");
    expect(pricing, result.raises.slice(0, 3).map((insight) => insight.sentence).join("\n")).toBeDefined();
    expect(pricing!.lift).toBeGreaterThan(2.5);
    const featureX = result.lowers.slice(0, 2).find((insight) => insight.subject === "feature_x" && (insight.minCount ?? 0) >= 2);
    expect(featureX, result.lowers.slice(0, 2).map((insight) => insight.sentence).join("\n")).toBeDefined();
    expect(featureX!.rateWith!).toBeLessThan(featureX!.rateWithout! / 2);
    // The conversion event itself is never a candidate.
    expect([...result.raises, ...result.lowers].some((insight) => insight.subject === "upgrade")).toBe(false);
  });

  it("serves a second outcome from the cached tallies with the same population", async () => {
    clearAnalysisCache();
    const retained = await insights({ outcome: "retained", days: 7 });
    const churned = await insights({ outcome: "churned", days: 7 });
    expect(churned.eligibleUsers).toBe(retained.eligibleUsers);
    // Churned ⊇ not retained: at least as many as eligible − retained.
    expect(churned.outcomeUsers).toBeGreaterThanOrEqual(retained.eligibleUsers - retained.outcomeUsers);
    const sessions = retained.thresholds.find((threshold) => threshold.kind === "sessions")!;
    expect(sessions.curve).toHaveLength(10);
    expect(sessions.curve[0]!.usersWith).toBe(retained.eligibleUsers);
  });
});
