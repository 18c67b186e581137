import { describe, expect, it } from "vitest";
import { DEMO_CSV_HEADER, demoCsv, demoCsvChunks, demoCsvRow, isoTimestamp } from "./demo-csv";
import { DEMO_START } from "./demo-dataset";
import { generateDemoEvents, type DemoEvent } from "./demo-events";
import { mulberry32 } from "./seeded-random";

const event = (overrides: Partial<DemoEvent> = {}): DemoEvent =>
  Object.freeze({
    userId: "u000001",
    eventName: "upgrade",
    ts: Date.UTC(2025, 5, 2, 13, 30, 5, 7),
    revenue: 29,
    properties: { channel: "social", plan: "pro", country: "US", insert_id: "1.0.5", to_plan: "pro" },
    ...overrides,
  });

describe("demoCsvRow", () => {
  it("writes the fixed columns with an ISO-8601 UTC timestamp", () => {
    expect(DEMO_CSV_HEADER).toBe("user_id,event_name,timestamp,revenue,insert_id,channel,plan,country\n");
    expect(demoCsvRow(event())).toBe("u000001,upgrade,2025-06-02T13:30:05.007Z,29,1.0.5,social,pro,US\n");
  });

  it("leaves revenue empty when there is none and quotes fields that need it", () => {
    const row = demoCsvRow(event({ revenue: null, userId: 'a,"b"', properties: { channel: "x\ny", plan: "free", country: "US", insert_id: "i" } }));
    expect(row).toBe('"a,""b""",upgrade,2025-06-02T13:30:05.007Z,,i,"x\ny",free,US\n');
  });
});

describe("isoTimestamp", () => {
  it("matches Date#toISOString", () => {
    const next = mulberry32(3);
    const samples = [0, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2025, 11, 31, 0, 0, 0, 1)];
    for (let i = 0; i < 5000; i++) samples.push(Math.floor(next() * 4_102_444_800_000)); // 1970–2100
    for (const ts of samples) expect(isoTimestamp(ts)).toBe(new Date(ts).toISOString());
  });
});

describe("demoCsvChunks", () => {
  it("emits the header once, then every event as one line, in chunks", () => {
    const options = { seed: 5, users: 40, start: DEMO_START, days: 60 };
    const events = [...generateDemoEvents(options)];
    const chunks = [...demoCsvChunks(events, { rowsPerChunk: 100 })];
    expect(chunks.length).toBe(Math.ceil((events.length + 1) / 100));
    const lines = chunks.join("").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines[0]).toBe(DEMO_CSV_HEADER.trimEnd());
    expect(lines.length).toBe(events.length + 1);
    expect(lines[1]).toBe(demoCsvRow(events[0]!).trimEnd());
    expect(chunks.join("")).toBe([...demoCsv(options)].join(""));
  });

  it("writes just the header for no events and rejects a bad chunk size", () => {
    expect([...demoCsvChunks([])]).toEqual([DEMO_CSV_HEADER]);
    expect(() => [...demoCsvChunks([], { rowsPerChunk: 0 })]).toThrow(/positive integer/);
  });
});
