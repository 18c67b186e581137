import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES } from "../definitions/behavior-rules";
import { DEFAULT_RFM } from "../definitions/rfm";
import { testEngines, type TestDatabase } from "../db/testing";
import { computeSegments } from "./compute-segments";
import { clearFeatureCache, getDatasetFeatures } from "./feature-cache";
import { createFeatureDataset, insertFeatureRows, recordRefresh } from "./segment-fixtures";
import { saveDefinition } from "./segment-definitions";
import { DefinitionValidationError, SegmentsRequestError } from "./segment-errors";
import { TEN_USERS } from "./segment-test-users";

const DATASET = "segments-fixture";

function sizes(result: { segments: { name: string; users: number }[] }): Record<string, number> {
  return Object.fromEntries(result.segments.map((segment) => [segment.name, segment.users]));
}

describe.each(testEngines())("computeSegments on $name", (engine) => {
  let database: TestDatabase;
  let datasetId: number;
  beforeAll(async () => {
    database = await engine.open();
    datasetId = await createFeatureDataset(database.db, DATASET);
    await insertFeatureRows(database.db, datasetId, TEN_USERS);
    await recordRefresh(database.db, datasetId);
  });
  afterAll(() => database.close());
  beforeEach(() => clearFeatureCache());

  it("sizes the default behavior rules, first match wins (see segment-test-users.ts)", async () => {
    const result = await computeSegments(database.db, DATASET, {});
    expect(result.modelId).toBe("behavior-rules");
    expect(result.definitionVersion).toBeNull();
    expect(result.definitionName).toBeNull();
    expect(result.definition).toEqual(DEFAULT_BEHAVIOR_RULES);
    expect(result.asOf).toBe("2026-06-30T00:00:00.000Z");
    expect(result.asOfDay).toBe("2026-06-29");
    expect(result.stale).toBe(false);
    expect(result.totalUsers).toBe(10);
    expect(result.filteredUsers).toBe(10);
    expect(result.segments.map(({ name, users, percent }) => [name, users, percent])).toEqual([
      ["Churned", 2, 20],
      ["Dormant", 1, 10],
      ["New", 1, 10],
      ["One-and-done", 1, 10],
      ["Power users", 1, 10],
      ["Engaged", 2, 20],
      ["Casual", 2, 20],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("says each segment's criteria, behavior and suggested action", async () => {
    const result = await computeSegments(database.db, DATASET, {});
    const power = result.segments.find((segment) => segment.name === "Power users")!;
    expect(power).toEqual({
      index: 4,
      name: "Power users",
      criteria: "> 5 sessions/week and ≥ 3 core features",
      users: 1,
      percent: 10,
      // u06 alone: the only converted user (1 of 10 = 10% overall); u01 is the only cancelled one.
      behaviorNotes: [
        "Typical user: 6.5 sessions/week, 3 core features, 12 active days in the last 30, recency 0 days, monetary value 500",
        "Converts 10× the average (100% vs 10%)",
        "0% cancelled",
      ],
      suggestedAction: "Invite to beta + upsell",
    });
    const withoutNotes = await computeSegments(database.db, DATASET, { notes: false });
    expect(withoutNotes.segments[4]!.behaviorNotes).toEqual([]);
  });

  it("filters choose whom you see: values of one dimension OR, dimensions AND, empty = no value", async () => {
    const ads = await computeSegments(database.db, DATASET, { filters: { channel: ["ads"] } });
    // u01 Churned, u03 Dormant, u07 Engaged
    expect(ads.filteredUsers).toBe(3);
    expect(sizes(ads)).toEqual({ Churned: 1, Dormant: 1, New: 0, "One-and-done": 0, "Power users": 0, Engaged: 1, Casual: 0 });
    expect(ads.segments[0]!.percent).toBeCloseTo(100 / 3, 10);

    const socialPro = await computeSegments(database.db, DATASET, { filters: { channel: ["social"], plan: ["pro"] } });
    expect(socialPro.filteredUsers).toBe(1); // u08
    expect(sizes(socialPro).Engaged).toBe(1);

    const noChannel = await computeSegments(database.db, DATASET, { filters: { channel: [null] } });
    expect(noChannel.filteredUsers).toBe(1); // u05
    expect(sizes(noChannel)["One-and-done"]).toBe(1);

    // First seen 3 (u04) and 20 (u05) days before 2026-06-29: June; everyone else 100 days before: March.
    const june = await computeSegments(database.db, DATASET, { filters: { signupMonth: ["2026-06"] } });
    expect(june.filteredUsers).toBe(2);
    expect(sizes(june)).toMatchObject({ New: 1, "One-and-done": 1 });

    const nobody = await computeSegments(database.db, DATASET, { filters: { country: ["NZ"] } });
    expect(nobody.filteredUsers).toBe(0);
    expect(nobody.segments.every((segment) => segment.users === 0 && segment.percent === 0)).toBe(true);
    expect(nobody.segments[0]!.behaviorNotes).toEqual(["No users in this view"]);
  });

  it("scores RFM percentiles over the whole population (hand-computed PERCENT_RANK with ties)", async () => {
    const result = await computeSegments(database.db, DATASET, { modelId: "rfm" });
    expect(sizes(result)).toEqual({
      Champions: 1,
      "Loyal Customers": 3,
      "Potential Loyalists": 0,
      "New Customers": 1,
      Promising: 0,
      "Need Attention": 0,
      "About to Sleep": 1,
      "At Risk": 2,
      "Can't Lose Them": 0,
      Hibernating: 2,
      Lost: 0,
      "Not scored": 0,
    });
    expect(result.segments[0]!.criteria).toBe("R 5 (most recent 20%) and F 4–5 (top 40% by frequency)");
  });

  it("does not re-rank RFM inside a filter; rankScope 'filtered' does, when asked", async () => {
    const ads = await computeSegments(database.db, DATASET, { modelId: "rfm", filters: { channel: ["ads"] } });
    // Population scores: u01 R4F5 and u07 R4F4 Loyal Customers, u03 R1F3 At Risk.
    expect(Object.entries(sizes(ads)).filter(([, users]) => users > 0)).toEqual([
      ["Loyal Customers", 2],
      ["At Risk", 1],
    ]);
    // Ranked among the 3 ads users (denominator 2): u03 R1F1 Lost, u01 R3F5 Loyal, u07 R5F3 Potential Loyalist.
    const within = await computeSegments(database.db, DATASET, {
      modelId: "rfm",
      definition: { ...DEFAULT_RFM, rankScope: "filtered" },
      filters: { channel: ["ads"] },
    });
    expect(Object.entries(sizes(within)).filter(([, users]) => users > 0)).toEqual([
      ["Loyal Customers", 1],
      ["Potential Loyalists", 1],
      ["Lost", 1],
    ]);
  });

  it("scores a posted (unsaved) definition and a saved version by reference", async () => {
    const looser = structuredClone(DEFAULT_BEHAVIOR_RULES);
    looser.rules[4]!.conditions[0] = { feature: "sessionsPerWeek", operator: ">", value: 4 };
    const posted = await computeSegments(database.db, DATASET, { modelId: "behavior-rules", definition: looser });
    // u07 (5 sessions/week, 5 core features) joins u06.
    expect(sizes(posted)).toMatchObject({ "Power users": 2, Engaged: 1 });
    expect(posted.segments[4]!.criteria).toBe("> 4 sessions/week and ≥ 3 core features");

    await saveDefinition(database.db, DATASET, { modelId: "behavior-rules", name: "Team view", definition: DEFAULT_BEHAVIOR_RULES });
    await saveDefinition(database.db, DATASET, {
      modelId: "behavior-rules",
      name: "Team view",
      definition: looser,
      playbook: { "Power users": "Book a call" },
    });
    const first = await computeSegments(database.db, DATASET, { definitionRef: { name: "Team view", version: 1 } });
    expect([first.definitionName, first.definitionVersion, sizes(first)["Power users"]]).toEqual(["Team view", 1, 1]);
    expect(first.segments[4]!.suggestedAction).toBe("Invite to beta + upsell");
    const latest = await computeSegments(database.db, DATASET, { definitionRef: { name: "Team view" } });
    expect([latest.definitionVersion, sizes(latest)["Power users"]]).toEqual([2, 2]);
    expect(latest.segments[4]!.suggestedAction).toBe("Book a call");
    await expect(computeSegments(database.db, DATASET, { definitionRef: { name: "Team view", version: 3 } })).rejects.toThrow(
      'Dataset "segments-fixture" has no version 3 of the behavior-rules definition "Team view".',
    );
    await expect(computeSegments(database.db, DATASET, { definition: looser, definitionRef: { name: "Team view" } })).rejects.toThrow(
      "Send either a definition or a definitionRef (a saved definition), not both.",
    );
  });

  it("refuses an invalid definition with validateDefinition's messages", async () => {
    const broken = structuredClone(DEFAULT_BEHAVIOR_RULES);
    broken.rules[1]!.conditions[0] = { feature: "recencyDays", operator: ">=", value: -3 };
    const error = await computeSegments(database.db, DATASET, { definition: broken }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DefinitionValidationError);
    expect((error as DefinitionValidationError).errors).toEqual(['Rule 2 "Dormant", condition 1: recency cannot be negative (got −3 days)']);
    const unknown = await computeSegments(database.db, DATASET, { modelId: "kmeans" }).catch((caught: unknown) => caught);
    expect((unknown as DefinitionValidationError).errors).toEqual([
      'Unknown model "kmeans"; expected one of "behavior-rules", "rfm", "lifecycle", "usage-tiers", "churn-risk", "engagement-score", "pql", "intent", "clusters"',
    ]);
  });

  it("serves only the as-of the features were computed for", async () => {
    expect((await computeSegments(database.db, DATASET, { asOf: "2026-06-29" })).totalUsers).toBe(10);
    expect((await computeSegments(database.db, DATASET, { asOf: "2026-06-30T00:00:00Z" })).totalUsers).toBe(10);
    const error = await computeSegments(database.db, DATASET, { asOf: "2026-06-01" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SegmentsRequestError);
    expect((error as SegmentsRequestError).code).toBe("as_of_unavailable");
    expect((error as Error).message).toBe(
      'The features of "segments-fixture" are computed as of 2026-06-29 (end of that day, UTC); segments as of 2026-06-01 need the features refreshed for that date first (strata refresh --dataset segments-fixture --as-of …).',
    );
  });

  it("says so when a dataset has no features yet, or does not exist", async () => {
    await createFeatureDataset(database.db, "not-refreshed");
    const error = await computeSegments(database.db, "not-refreshed", {}).catch((caught: unknown) => caught);
    expect((error as SegmentsRequestError).code).toBe("features_missing");
    expect((error as Error).message).toBe(
      'Dataset "not-refreshed" has no computed features yet: run a feature refresh first (strata refresh --dataset not-refreshed).',
    );
    await expect(computeSegments(database.db, "nope", {})).rejects.toThrow('There is no dataset named "nope".');
  });
});

describe.each(testEngines())("the feature cache on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());
  beforeEach(() => clearFeatureCache());

  it("loads once per refresh and reloads when a newer refresh exists", async () => {
    const datasetId = await createFeatureDataset(database.db, "cache-fixture");
    await insertFeatureRows(database.db, datasetId, TEN_USERS);
    await recordRefresh(database.db, datasetId);

    const first = await getDatasetFeatures(database.db, "cache-fixture");
    const again = await getDatasetFeatures(database.db, "cache-fixture");
    expect(again.store).toBe(first.store);
    expect(again.loadMs).toBe(0);

    // A changed row is not seen until a refresh records it: the cache serves the refresh it loaded.
    await database.db.query(
      `UPDATE user_features SET sessions_per_week = 7, core_features_used = 3 WHERE dataset_id = $1 AND user_id = 'u09'`,
      [datasetId],
    );
    expect(sizes(await computeSegments(database.db, "cache-fixture", {}))).toMatchObject({ "Power users": 1, Casual: 2 });

    const refreshId = await recordRefresh(database.db, datasetId);
    const reloaded = await getDatasetFeatures(database.db, "cache-fixture");
    expect(reloaded.refreshId).toBe(refreshId);
    expect(reloaded.store).not.toBe(first.store);
    expect(sizes(await computeSegments(database.db, "cache-fixture", {}))).toMatchObject({ "Power users": 2, Casual: 1 });
  });

  it("marks results stale when events arrive after the refresh", async () => {
    const datasetId = await createFeatureDataset(database.db, "stale-fixture");
    await insertFeatureRows(database.db, datasetId, TEN_USERS);
    await recordRefresh(database.db, datasetId, { lastJobId: 3 });
    expect((await computeSegments(database.db, "stale-fixture", {})).stale).toBe(false);
    await database.db.query(
      `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, 'i:late', 'u01', 'login', $2, 4)`,
      [datasetId, new Date("2026-06-29T10:00:00Z")],
    );
    const stale = await computeSegments(database.db, "stale-fixture", {});
    expect(stale.stale).toBe(true);
    expect(stale.warnings).toEqual([
      `Events were loaded after these features were computed (${stale.featuresRefreshedAt}): the segments are stale until the features are refreshed.`,
    ]);
  });

  it("counts events for intent from the events before the as-of", async () => {
    const datasetId = await createFeatureDataset(database.db, "intent-fixture");
    await insertFeatureRows(database.db, datasetId, TEN_USERS);
    const events: [string, string, string][] = [
      ["u06", "view_pricing", "2026-06-20T10:00:00Z"],
      ["u06", "view_pricing", "2026-06-21T10:00:00Z"],
      ["u06", "invite_teammate", "2026-06-22T10:00:00Z"],
      ["u07", "view_pricing", "2026-06-29T23:59:59Z"],
      ["u08", "view_pricing", "2026-06-30T00:00:00Z"], // at the as-of: after the window
    ];
    for (const [index, [userId, eventName, ts]] of events.entries()) {
      await database.db.query(
        `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, $2, $3, $4, $5, 1)`,
        [datasetId, `i:${index}`, userId, eventName, new Date(ts)],
      );
    }
    await recordRefresh(database.db, datasetId, { lastJobId: 1 });
    // DEFAULT_INTENT, each signal once: u06 pricing 5 + invite 6 = 11 (High ≥ 10), u07 pricing 5 (Medium ≥ 5), others 0.
    const result = await computeSegments(database.db, "intent-fixture", { modelId: "intent" });
    expect(sizes(result)).toEqual({ "High intent": 1, "Medium intent": 1, "Low intent": 8 });
    expect(result.warnings).toEqual([
      "No “replay_demo”, “skip_onboarding”, “email_opened_no_click” events in this dataset's window: those signals add 0 points",
    ]);
  });
});
