/**
 * The segments API routes end to end, minus Next's router: each handler is
 * called with a Request as Next would, against a test database standing in
 * for the process-wide one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getModels } from "@/app/api/models/route";
import { GET as getDefinitions, POST as postDefinition } from "@/app/api/datasets/[name]/definitions/route";
import { POST as postSegments } from "@/app/api/datasets/[name]/segments/route";
import { GET as getMembers } from "@/app/api/datasets/[name]/segments/members/route";
import { GET as getExport } from "@/app/api/datasets/[name]/segments/export/route";
import { DEFAULT_BEHAVIOR_RULES } from "../definitions/behavior-rules";
import type { Database } from "../db/client";
import { testEngines, type TestDatabase } from "../db/testing";
import { clearFeatureCache } from "./feature-cache";
import { createFeatureDataset, insertFeatureRows, recordRefresh } from "./segment-fixtures";
import { segmentScopeToSearchParams } from "./segment-scope.types";
import { TEN_USERS } from "./segment-test-users";

const DATASET = "api-fixture";
const BASE = "http://localhost/api/datasets/api-fixture";
const params = (name = DATASET) => ({ params: Promise.resolve({ name }) });

function post(url: string, body: unknown): Request {
  return new Request(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe.each(testEngines())("segments API on $name", (engine) => {
  let database: TestDatabase;
  const globals = globalThis as unknown as { strataDatabase?: Promise<Database> };
  let previous: Promise<Database> | undefined;
  beforeAll(async () => {
    database = await engine.open();
    previous = globals.strataDatabase;
    globals.strataDatabase = Promise.resolve(database);
    const datasetId = await createFeatureDataset(database.db, DATASET);
    await insertFeatureRows(database.db, datasetId, TEN_USERS);
    await recordRefresh(database.db, datasetId);
  });
  afterAll(async () => {
    globals.strataDatabase = previous;
    await database.close();
  });
  beforeEach(() => clearFeatureCache());

  it("GET /api/models lists the nine models, with defaults except for clusters", async () => {
    const response = await getModels();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { models: { id: string; defaultDefinition: unknown; segments: { name: string }[] }[]; defaultPlaybook: Record<string, string> };
    expect(body.models.map((model) => model.id)).toEqual(["behavior-rules", "rfm", "lifecycle", "usage-tiers", "churn-risk", "engagement-score", "pql", "intent", "clusters"]);
    expect(body.models[0]!.defaultDefinition).toEqual(DEFAULT_BEHAVIOR_RULES);
    // Clusters only has saved definitions (a clustering saved from the Clusters tab): no default, no segments yet.
    expect(body.models.at(-1)).toMatchObject({ id: "clusters", name: "Clusters", defaultDefinition: null, segments: [] });
    expect(body.models[0]!.segments.map((segment) => segment.name)).toEqual(["Churned", "Dormant", "New", "One-and-done", "Power users", "Engaged", "Casual"]);
    expect(body.defaultPlaybook["Power users"]).toBe("Invite to beta + upsell");
  });

  it("POST …/definitions saves versions; an invalid one is a 400 with the validation messages", async () => {
    const created = await postDefinition(post(`${BASE}/definitions`, { modelId: "behavior-rules", name: "Default", definition: DEFAULT_BEHAVIOR_RULES }), params());
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ version: 1, changes: ["First version"] });

    const broken = structuredClone(DEFAULT_BEHAVIOR_RULES);
    broken.rules[1]!.conditions[0] = { feature: "recencyDays", operator: ">=", value: -3 };
    const refused = await postDefinition(post(`${BASE}/definitions`, { modelId: "behavior-rules", name: "Default", definition: broken }), params());
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: {
        code: "invalid_definition",
        message: 'Rule 2 "Dormant", condition 1: recency cannot be negative (got −3 days)',
        details: ['Rule 2 "Dormant", condition 1: recency cannot be negative (got −3 days)'],
      },
    });

    const unchanged = await postDefinition(post(`${BASE}/definitions`, { modelId: "behavior-rules", name: "Default", definition: DEFAULT_BEHAVIOR_RULES }), params());
    expect(unchanged.status).toBe(409);
    expect(((await unchanged.json()) as { error: { code: string } }).error.code).toBe("unchanged");

    const tooLong = await postDefinition(
      post(`${BASE}/definitions`, { modelId: "behavior-rules", name: "Default", definition: broken, note: "x".repeat(501) }),
      params(),
    );
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { message: string } }).error.message).toContain("note");

    const notJson = await postDefinition(post(`${BASE}/definitions`, "{rules:"), params());
    expect([notJson.status, await notJson.json()]).toEqual([400, { error: { code: "invalid_request", message: "The request body must be JSON" } }]);

    const listed = await getDefinitions(new Request(`${BASE}/definitions?modelId=behavior-rules`), params());
    const list = (await listed.json()) as { definitions: { name: string; latest: { version: number } }[] };
    expect(list.definitions.map((saved) => [saved.name, saved.latest.version])).toEqual([["Default", 1]]);
  });

  it("POST …/segments computes sizes; unknown datasets are 404s", async () => {
    const response = await postSegments(post(`${BASE}/segments`, { modelId: "behavior-rules", filters: { channel: ["ads"] }, notes: false }), params());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { filteredUsers: number; segments: { name: string; users: number }[]; definitionVersion: number | null };
    expect(body.filteredUsers).toBe(3);
    expect(body.definitionVersion).toBeNull();
    expect(body.segments.filter((segment) => segment.users > 0).map((segment) => segment.name)).toEqual(["Churned", "Dormant", "Engaged"]);

    const missing = await postSegments(post("http://localhost/api/datasets/nope/segments", {}), params("nope"));
    expect([missing.status, await missing.json()]).toEqual([404, { error: { code: "not_found", message: 'There is no dataset named "nope".' } }]);

    const badFilter = await postSegments(post(`${BASE}/segments`, { filters: { channel: [] } }), params());
    expect(badFilter.status).toBe(400);
  });

  it("GET …/segments/members reads the scope from the query string", async () => {
    const query = segmentScopeToSearchParams({ modelId: "rfm", filters: { plan: ["pro"] } });
    query.set("segment", "Loyal Customers");
    query.set("pageSize", "2");
    const response = await getMembers(new Request(`${BASE}/segments/members?${query}`), params());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; rows: { userId: string }[]; pageCount: number };
    expect([body.total, body.pageCount, body.rows.map((row) => row.userId)]).toEqual([3, 2, ["u01", "u07"]]);

    const bad = await getMembers(new Request(`${BASE}/segments/members?segment=Loyal%20Customers&pageSize=5000`), params());
    expect(bad.status).toBe(400);
    const notJson = await getMembers(new Request(`${BASE}/segments/members?segment=x&definition=%7Bnope`), params());
    expect([notJson.status, await notJson.json()]).toEqual([
      400,
      { error: { code: "invalid_request", message: "definition: definition must be JSON (URL-encoded)" } },
    ]);
  });

  it("GET …/segments/export streams CSV under a descriptive file name", async () => {
    const query = segmentScopeToSearchParams({ definitionRef: { name: "Default", version: 1 } });
    query.set("segment", "Power users");
    const response = await getExport(new Request(`${BASE}/segments/export?${query}`), params());
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="api-fixture_power-users_v1_2026-06-29.csv"');
    expect(response.headers.get("X-Strata-Rows")).toBe("1");
    const text = await response.text();
    expect(text.split("\r\n").filter(Boolean).map((line) => line.split(",")[0])).toEqual(["user_id", "u06"]);

    const unknownSegment = await getExport(new Request(`${BASE}/segments/export?segment=Whales`), params());
    expect(unknownSegment.status).toBe(400);
    expect(((await unknownSegment.json()) as { error: { message: string } }).error.message).toMatch(/^There is no segment "Whales"/);
  });
});
