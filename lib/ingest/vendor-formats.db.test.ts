import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { ingest } from "./ingest";
import { encode, SAMPLE_FILES } from "./parse-testing";

async function* once(text: string): AsyncIterable<Uint8Array> {
  yield encode(text);
}

// Segment: 4 calls; the 4th repeats the 1st messageId (a retry) → 3 accepted + 1 duplicate.
const SEGMENT = [
  { type: "identify", userId: "u1", traits: { plan: "pro", channel: "ads" }, timestamp: "2026-04-01T09:00:00Z", messageId: "m1" },
  { type: "track", userId: "u1", event: "Report Created", properties: { revenue: 0 }, timestamp: "2026-04-01T09:01:00Z", messageId: "m2" },
  { type: "page", anonymousId: "anon-7", name: "Pricing", timestamp: "2026-04-01T09:02:00+02:00", messageId: "m3" },
  { type: "identify", userId: "u1", traits: { plan: "pro", channel: "ads" }, timestamp: "2026-04-01T09:00:00Z", messageId: "m1" },
].map((call) => JSON.stringify(call)).join("\n");

// Mixpanel: time in seconds; row 3 has no distinct_id → rejected; row 4 repeats $insert_id i1.
const MIXPANEL = [
  { event: "Signed Up", properties: { distinct_id: "d1", time: 1775034000, $insert_id: "i1", mp_country_code: "US" } },
  { event: "Upgraded", properties: { distinct_id: "d1", time: 1775120400, $insert_id: "i2", revenue: 29 } },
  { event: "Opened", properties: { time: 1775120400, $insert_id: "i3" } },
  { event: "Signed Up", properties: { distinct_id: "d1", time: 1775034000, $insert_id: "i1", mp_country_code: "US" } },
].map((row) => JSON.stringify(row)).join("\n");

describe.each(testEngines())("vendor exports through ingest on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  const counts = (r: { total: number; accepted: number; rejected: number; duplicates: number }) => [r.total, r.accepted, r.rejected, r.duplicates];

  it("Segment: identify, track and page calls; a retried messageId is a duplicate", async () => {
    const report = await ingest(database.db, once(SEGMENT), { datasetName: "segment", fileName: "segment.ndjson", format: "segment" });
    expect(counts(report)).toEqual([4, 3, 0, 1]);
    const rows = await database.db.query<{ user_id: string; event_name: string; ts: Date }>(
      `SELECT user_id, event_name, ts FROM events WHERE dataset_id = $1 ORDER BY ts`,
      [report.datasetId],
    );
    // 09:02+02:00 is 07:02Z, so the page view sorts first.
    expect(rows.map((r) => [r.user_id, r.event_name, new Date(r.ts).toISOString()])).toEqual([
      ["anon-7", "Page Viewed", "2026-04-01T07:02:00.000Z"],
      ["u1", "$identify", "2026-04-01T09:00:00.000Z"],
      ["u1", "Report Created", "2026-04-01T09:01:00.000Z"],
    ]);
  });

  it("Mixpanel: seconds timestamps, $insert_id dedupe, a row without distinct_id rejected", async () => {
    const report = await ingest(database.db, once(MIXPANEL), { datasetName: "mixpanel", fileName: "mixpanel.ndjson" });
    expect(report.format).toBe("mixpanel");
    expect(counts(report)).toEqual([4, 2, 1, 1]);
    expect(report.rejectSample[0]?.line).toBe(3);
    const [upgrade] = await database.db.query<{ ts: Date; revenue: number }>(`SELECT ts, revenue FROM events WHERE dedupe_key = 'i:i2'`);
    expect(new Date(upgrade!.ts).toISOString()).toBe("2026-04-02T09:00:00.000Z");
    expect(upgrade!.revenue).toBe(29);
  });

  it("Amplitude: the real export row, event_time read as UTC, device_id when user_id is null", async () => {
    const report = await ingest(database.db, once(readFileSync(SAMPLE_FILES.amplitude, "utf8")), { datasetName: "amplitude", fileName: "export.ndjson", timezone: "Asia/Shanghai" });
    expect(report.format).toBe("amplitude");
    expect(counts(report)).toEqual([1, 1, 0, 0]);
    const [row] = await database.db.query<{ user_id: string; event_name: string; ts: Date; dedupe_key: string }>(
      `SELECT user_id, event_name, ts, dedupe_key FROM events WHERE dataset_id = $1`,
      [report.datasetId],
    );
    expect(row!.user_id).toBe("a9f83f39-8cbb-429e-95a7-9bb7a1a15cb0");
    expect(row!.event_name).toBe("session_end");
    expect(new Date(row!.ts).toISOString()).toBe("2025-12-23T19:25:16.820Z");
    expect(row!.dedupe_key).toBe("i:5b8930f9-3ba5-44f5-9766-557d652fe50b");
  });

  it("GA4: the 460 real BigQuery export rows, 114 users", async () => {
    const report = await ingest(database.db, once(readFileSync(SAMPLE_FILES.ga4, "utf8")), { datasetName: "ga4", fileName: "ga4.ndjson" });
    expect(report.format).toBe("ga4");
    expect(counts(report)).toEqual([460, 460, 0, 0]);
    const [stats] = await database.db.query<{ users: number; names: number }>(
      `SELECT count(DISTINCT user_id)::int AS users, count(DISTINCT event_name)::int AS names FROM events WHERE dataset_id = $1`,
      [report.datasetId],
    );
    expect(stats).toEqual({ users: 114, names: 9 });
  });
});
