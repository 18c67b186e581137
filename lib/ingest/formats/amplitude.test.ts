import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAll, SAMPLE_FILES } from "../parse-testing";

const AMPLITUDE = SAMPLE_FILES.amplitude;
const utc = Date.UTC;

const row = (fields: Record<string, unknown>) =>
  JSON.stringify({
    $insert_id: "ins-1",
    amplitude_id: 1,
    device_id: "d1",
    user_id: null,
    event_type: "Song Played",
    event_time: "2025-12-23 19:25:16.820000",
    event_properties: {},
    user_properties: {},
    platform: "iOS",
    country: null,
    os_name: "ios",
    ...fields,
  });

describe("Amplitude export", () => {
  it("reads the real export row: device id as user, event_time as UTC, context fields kept", async () => {
    const rows = await parseAll(readFileSync(AMPLITUDE), { timezone: "Asia/Shanghai" });
    expect(rows).toEqual([
      {
        kind: "event",
        line: 1,
        userId: "a9f83f39-8cbb-429e-95a7-9bb7a1a15cb0",
        eventName: "session_end",
        ts: utc(2025, 11, 23, 19, 25, 16, 820), // UTC although the dataset is in Shanghai
        revenue: null,
        properties: {
          session_id: 1766517916812,
          platform: "Web",
          os_name: "Edge",
          os_version: "143",
          device_type: "Windows",
          device_family: "Windows",
          country: "United States",
          region: "Connecticut",
          city: "Enfield",
          language: "English",
        },
        insertId: "5b8930f9-3ba5-44f5-9766-557d652fe50b",
        traits: null,
      },
    ]);
  });

  it("prefers user_id, reads revenue and stringifies user properties", async () => {
    const text = [
      row({ user_id: "u1", event_properties: { revenue: 9.99, sku: "A" }, user_properties: { plan: "pro", age: 31, tags: ["a"] } }),
      row({ event_properties: { $revenue: "4.5" } }),
      row({ revenue: 2 }),
    ].join("\n");
    const rows = await parseAll(text);
    expect(rows[0]).toEqual({
      kind: "event",
      line: 1,
      userId: "u1",
      eventName: "Song Played",
      ts: utc(2025, 11, 23, 19, 25, 16, 820),
      revenue: 9.99,
      properties: { platform: "iOS", os_name: "ios", revenue: 9.99, sku: "A" },
      insertId: "ins-1",
      traits: { plan: "pro", age: "31", tags: '["a"]' },
    });
    expect(rows.map((r) => r.kind === "event" && r.revenue)).toEqual([9.99, 4.5, 2]);
  });

  it("rejects rows without user, event or a readable time", async () => {
    const text = [
      row({ device_id: null }),
      row({ event_type: "" }),
      row({ event_time: "2025-02-30 10:00:00.000000" }),
      row({ event_properties: { revenue: "n/a" } }),
    ].join("\n");
    const rows = await parseAll(text, { format: "amplitude" });
    expect(rows.map((r) => r.kind === "reject" && [r.field, r.value, r.reason])).toEqual([
      ["user_id", "", "user id is empty (user_id and device_id are both null)"],
      ["event_type", "", "event name is empty"],
      ["event_time", "2025-02-30 10:00:00.000000", "timestamp '2025-02-30 10:00:00.000000' is not a date"],
      ["event_properties.revenue", "n/a", "revenue 'n/a' is not a number"],
    ]);
  });
});
