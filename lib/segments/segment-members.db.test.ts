import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { computeSegments } from "./compute-segments";
import { clearFeatureCache } from "./feature-cache";
import { createFeatureDataset, FIXTURE_AS_OF, insertFeatureRows, recordRefresh } from "./segment-fixtures";
import { EXPORT_CHUNK_ROWS, exportSegmentCsv } from "./segment-export";
import { listSegmentMembers, sortMembers } from "./segment-members";
import { TEN_USERS } from "./segment-test-users";

const DATASET = "members-fixture";

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe("sortMembers", () => {
  it("puts users without a value last in either direction and keeps user order on ties", () => {
    const members = Uint32Array.of(0, 1, 2, 3);
    const values = Float64Array.of(2, Number.NaN, 1, 2);
    expect([...sortMembers(members, values, "desc")]).toEqual([0, 3, 2, 1]);
    expect([...sortMembers(members, values, "asc")]).toEqual([2, 0, 3, 1]);
  });

  it("returns the first `limit` of the same order, through a bounded heap on large lists", () => {
    // 1,000 users, value = (i · 7919) mod 100, every 10th without a value: many ties, broken by position.
    const members = Uint32Array.from({ length: 1000 }, (_, i) => i);
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 10 === 3 ? Number.NaN : (i * 7919) % 100));
    for (const dir of ["asc", "desc"] as const) {
      const full = [...sortMembers(members, values, dir)];
      for (const limit of [1, 7, 50, 249, 250, 1000]) expect([...sortMembers(members, values, dir, limit)]).toEqual(full.slice(0, limit));
    }
  });
});

describe.each(testEngines())("segment members and export on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    const datasetId = await createFeatureDataset(database.db, DATASET);
    await insertFeatureRows(database.db, datasetId, TEN_USERS);
    await recordRefresh(database.db, datasetId);
  });
  afterAll(() => database.close());
  beforeEach(() => clearFeatureCache());

  it("pages RFM members by score, highest first, with the scores and features behind them", async () => {
    // Loyal Customers: u01 R4 F5 M5 (455), u07 R4 F4 M4 (444), u08 R3 F4 M4 (344).
    const first = await listSegmentMembers(database.db, DATASET, { modelId: "rfm", segment: "Loyal Customers", pageSize: 2 });
    expect([first.total, first.page, first.pageCount, first.sort, first.dir]).toEqual([3, 1, 2, "score", "desc"]);
    expect(first.criteria).toBe("R 3–4 (recency percent rank 0.4–0.8) and F 4–5 (top 40% by frequency)");
    expect(first.columns.map((column) => column.key)).toEqual([
      "recencyScore",
      "frequencyScore",
      "monetaryScore",
      "score",
      "recencyDays",
      "frequency",
      "monetary",
    ]);
    expect(first.rows).toEqual([
      {
        userId: "u01",
        values: { recencyScore: 4, frequencyScore: 5, monetaryScore: 5, score: 455, recencyDays: 2, frequency: 40, monetary: 100 },
        dimensions: { channel: "ads", plan: "pro", country: null, signupMonth: "2026-03" },
      },
      {
        userId: "u07",
        values: { recencyScore: 4, frequencyScore: 4, monetaryScore: 4, score: 444, recencyDays: 1, frequency: 25, monetary: 50 },
        dimensions: { channel: "ads", plan: "pro", country: null, signupMonth: "2026-03" },
      },
    ]);
    const second = await listSegmentMembers(database.db, DATASET, { modelId: "rfm", segment: "Loyal Customers", pageSize: 2, page: 2 });
    expect(second.rows.map((row) => row.userId)).toEqual(["u08"]);
    const past = await listSegmentMembers(database.db, DATASET, { modelId: "rfm", segment: "Loyal Customers", pageSize: 2, page: 3 });
    expect([past.rows, past.total]).toEqual([[], 3]);
  });

  it("sorts by any column of the model, or by user id", async () => {
    const byRecency = await listSegmentMembers(database.db, DATASET, { modelId: "rfm", segment: "loyal customers", sort: "recencyDays", dir: "asc" });
    expect(byRecency.segment).toBe("Loyal Customers");
    expect(byRecency.rows.map((row) => row.userId)).toEqual(["u07", "u01", "u08"]);
    const byIdDesc = await listSegmentMembers(database.db, DATASET, { modelId: "rfm", segment: "Loyal Customers", sort: "userId", dir: "desc" });
    expect(byIdDesc.rows.map((row) => row.userId)).toEqual(["u08", "u07", "u01"]);
    await expect(listSegmentMembers(database.db, DATASET, { modelId: "rfm", segment: "Loyal Customers", sort: "sessionsPerWeek" })).rejects.toThrow(
      'Cannot sort by "sessionsPerWeek" for this model; sort by one of "userId", "recencyScore", "frequencyScore", "monetaryScore", "score", "recencyDays", "frequency", "monetary".',
    );
  });

  it("lists rule-model members by user id with every feature the rules read, within the filters", async () => {
    const engaged = await listSegmentMembers(database.db, DATASET, { segment: "Engaged" });
    expect([engaged.sort, engaged.dir, engaged.total]).toEqual(["userId", "asc", 2]);
    expect(engaged.rows[0]).toEqual({
      userId: "u07",
      values: { cancelled: 0, recencyDays: 1, ageDays: 100, sessionsTotal: 10, sessionsPerWeek: 5, coreFeaturesUsed: 5, activeDays30d: 0 },
      dimensions: { channel: "ads", plan: "pro", country: null, signupMonth: "2026-03" },
    });
    const social = await listSegmentMembers(database.db, DATASET, { segment: "Engaged", filters: { channel: ["social"] } });
    expect(social.rows.map((row) => row.userId)).toEqual(["u08"]);
    await expect(listSegmentMembers(database.db, DATASET, { segment: "Whales" })).rejects.toThrow(
      'There is no segment "Whales" in this definition; its segments are "Churned", "Dormant", "New", "One-and-done", "Power users", "Engaged", "Casual".',
    );
  });

  it("exports a segment as CSV with a header, neutralised formula cells and a descriptive file name", async () => {
    const csv = await exportSegmentCsv(database.db, DATASET, { segment: "Power users" });
    expect(csv.fileName).toBe("members-fixture_power-users_draft_2026-06-29.csv");
    expect(csv.rows).toBe(1);
    expect((await collect(csv.chunks)).join("")).toBe(
      "user_id,segment,cancelled,recency_days,age_days,sessions_total,sessions_per_week,core_features_used,active_days_30d,channel,plan,country,signup_month\r\n" +
        // u06's plan =HYPERLINK("x") and country -2+3 get a leading apostrophe (and the quotes are doubled).
        `u06,Power users,0,0,100,20,6.5,3,12,social,"'=HYPERLINK(""x"")",'-2+3,2026-03\r\n`,
    );
  });

  it("exports as many rows as the segment has users (RFM, filtered)", async () => {
    const sized = await computeSegments(database.db, DATASET, { modelId: "rfm", filters: { plan: ["pro"] } });
    const loyal = sized.segments.find((segment) => segment.name === "Loyal Customers")!;
    expect(loyal.users).toBe(3); // u01, u07, u08 are all on the pro plan
    const csv = await exportSegmentCsv(database.db, DATASET, { modelId: "rfm", segment: "Loyal Customers", filters: { plan: ["pro"] } });
    const lines = (await collect(csv.chunks)).join("").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "user_id,segment,recency_score,frequency_score,monetary_score,rfm_cell,recency_days,frequency,monetary,channel,plan,country,signup_month",
    );
    expect(lines.slice(1)).toEqual([
      "u01,Loyal Customers,4,5,5,455,2,40,100,ads,pro,,2026-03",
      "u07,Loyal Customers,4,4,4,444,1,25,50,ads,pro,,2026-03",
      "u08,Loyal Customers,3,4,4,344,3,12,30,social,pro,,2026-03",
    ]);
    expect(lines.length - 1).toBe(loyal.users);
  });

  describe("on a dataset larger than an export chunk", () => {
    beforeAll(async () => {
      const datasetId = await createFeatureDataset(database.db, "many-users");
      // 12,001 users u00000 … u12000 who differ only in recency: n mod 90 days.
      await database.db.query(
        `INSERT INTO user_features (dataset_id, user_id, as_of, first_seen, last_seen, recency_days, frequency, monetary, sessions_total,
           sessions_7d, sessions_30d, sessions_per_week, active_days_7d, active_days_30d, active_days_90d, weeks_active_12,
           events_per_active_week, core_features_used, converted, cancelled)
         SELECT $1, 'u' || lpad(n::text, 5, '0'), $2, $2::timestamptz - interval '200 days', $2, n % 90, 1, 0, 3, 0, 0, 0.1, 0, 0, 0, 0, 0, 0, false, false
         FROM generate_series(0, 12000) AS n`,
        [datasetId, FIXTURE_AS_OF],
      );
      await recordRefresh(database.db, datasetId);
    });

    it("loads every row and streams the export in chunks whose rows add up to the segment size", async () => {
      const sized = await computeSegments(database.db, "many-users", { notes: false });
      expect(sized.totalUsers).toBe(12_001);
      // recency n mod 90: ≥ 60 for 30 of every 90 values (Churned), 30–59 Dormant, the rest Casual.
      // 12,001 = 133 full cycles (11,970) + 0…30: Churned 133·30 = 3,990; Dormant 133·30 + 1 (n = 12,000 → 30) = 3,991; Casual 133·30 + 30 = 4,020.
      expect(Object.fromEntries(sized.segments.filter((s) => s.users > 0).map((s) => [s.name, s.users]))).toEqual({
        Churned: 3_990,
        Dormant: 3_991,
        Casual: 4_020,
      });
      const csv = await exportSegmentCsv(database.db, "many-users", { segment: "Casual" });
      const chunks = await collect(csv.chunks);
      expect(chunks.length).toBe(1 + Math.ceil(4_020 / EXPORT_CHUNK_ROWS));
      const lines = chunks.join("").split("\r\n").filter(Boolean);
      expect(lines.length - 1).toBe(4_020);
      expect(lines[1]!.startsWith("u00000,Casual,")).toBe(true);
      expect(lines[lines.length - 1]!.startsWith("u11999,Casual,")).toBe(true);
    });
  });
});
