import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventsOf, parseAll, rejectsOf, SAMPLE_FILES } from "../parse-testing";

const GA4 = SAMPLE_FILES.ga4;

const base = {
  event_date: "20201101",
  event_name: "purchase",
  event_params: [] as unknown[],
  event_value_in_usd: null as number | null,
  user_id: null as string | null,
  user_pseudo_id: "p1",
  user_properties: [] as unknown[],
  device: { category: "mobile" },
  geo: { country: "(not set)" },
  traffic_source: { medium: "cpc", name: "x", source: "google" },
  ecommerce: { purchase_revenue_in_usd: null as number | null, transaction_id: null as string | null },
  items: [] as unknown[],
};

describe("GA4 BigQuery export", () => {
  it("reads the real sample: 460 events, 114 users, 9 event names", async () => {
    const rows = await parseAll(readFileSync(GA4), {}, 4096);
    const events = eventsOf(rows);
    expect(rejectsOf(rows)).toEqual([]);
    expect(events).toHaveLength(460);
    expect(new Set(events.map((event) => event.userId)).size).toBe(114);
    expect(new Set(events.map((event) => event.eventName)).size).toBe(9);
    expect(events[0]!.ts).toBe(1604192073036);
    expect(events[0]).toMatchObject({
      line: 1,
      userId: "1005694.5834348403",
      eventName: "page_view",
      insertId: null,
      properties: {
        page_title: "Drinkware | Lifestyle | Google Merchandise Store",
        ga_session_number: 1,
        ga_session_id: 4863244888,
        session_engaged: "0",
      },
      traits: { country: "India", source: "google", medium: "organic", channel: "google / organic", device_category: "desktop" },
    });
    expect("all_data" in events[0]!.properties).toBe(false); // all four value slots null
    expect(events.every((event) => event.ts >= Date.UTC(2020, 10, 1) && event.ts < Date.UTC(2021, 1, 1))).toBe(true);
  });

  it("accepts event_timestamp as a string, reads revenue, and lets user_id win over user_pseudo_id", async () => {
    const rows = await parseAll(
      [
        JSON.stringify({ ...base, event_timestamp: "1604192073036492", user_id: "member-7", event_value_in_usd: 12.5 }),
        JSON.stringify({
          ...base,
          event_timestamp: 1604192073036492,
          ecommerce: { purchase_revenue_in_usd: 30, transaction_id: "T1" },
          items: [{ item_id: "sku1" }],
          event_params: [
            { key: "value", value: { string_value: null, int_value: null, float_value: null, double_value: 30 } },
            { key: "big", value: { string_value: null, int_value: "9007199254740993", float_value: null, double_value: null } },
            { key: "n", value: { string_value: null, int_value: "5", float_value: null, double_value: null } },
            { key: "unset", value: { string_value: "(not set)", int_value: null, float_value: null, double_value: null } },
          ],
          user_properties: [{ key: "tier", value: { string_value: "gold", int_value: null, float_value: null, double_value: null } }],
        }),
      ].join("\n"),
      { format: "ga4" },
    );
    expect(rows[0]).toMatchObject({ kind: "event", userId: "member-7", ts: 1604192073036, revenue: 12.5 });
    expect(rows[1]).toEqual({
      kind: "event",
      line: 2,
      userId: "p1",
      eventName: "purchase",
      ts: 1604192073036,
      revenue: 30,
      properties: { value: 30, big: "9007199254740993", n: 5, transaction_id: "T1", items: [{ item_id: "sku1" }] },
      insertId: null,
      traits: { source: "google", medium: "cpc", channel: "google / cpc", device_category: "mobile", tier: "gold" },
    });
  });

  it("rejects rows without a user or a readable timestamp", async () => {
    const rows = await parseAll(
      [JSON.stringify({ ...base, user_pseudo_id: null, event_timestamp: 1604192073036492 }), JSON.stringify({ ...base, event_timestamp: "soon" })].join("\n"),
      { format: "ga4" },
    );
    expect(rows.map((r) => r.kind === "reject" && [r.field, r.reason])).toEqual([
      ["user_pseudo_id", "user id is empty (user_id and user_pseudo_id are both null)"],
      ["event_timestamp", "timestamp 'soon' is not a date"],
    ]);
  });
});
