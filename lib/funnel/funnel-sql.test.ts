import { describe, expect, it } from "vitest";
import { UserStepEvents } from "./funnel-math";
import { buildFunnelSql, readStepEvents } from "./funnel-sql";

describe("buildFunnelSql", () => {
  it("binds step names and property filters as parameters, never as SQL text", () => {
    const hostile = "x'; DROP TABLE events; --";
    const sql = buildFunnelSql(7, [{ event: "signup" }, { event: hostile, filter: { property: hostile, equals: hostile } }], "any", { kind: "none" });
    expect(sql.text).not.toContain("DROP TABLE");
    expect(sql.params).toEqual([7, false, ["signup", hostile], "signup", hostile, hostile, hostile]);
    expect(sql.text).toContain("THEN 2 ELSE 0 END");
    expect(sql.text).not.toContain("row_number");
    expect(buildFunnelSql(7, [{ event: "a" }, { event: "b" }], "strict", { kind: "none" }).text).toContain("row_number");
  });
});

describe("readStepEvents", () => {
  it("reads mask,ms,seq triples and orders them by time, then by step", () => {
    // Same millisecond: step 2 (mask 2) listed before step 1 (mask 1) → step 1 first.
    const events = new UserStepEvents();
    readStepEvents("4,1772445600000,0;2,1772442000000,0;1,1772442000000,0", events);
    expect(events.count).toBe(3);
    expect(Array.from(events.masks.subarray(0, 3))).toEqual([1, 2, 4]);
    expect(Array.from(events.times.subarray(0, 3))).toEqual([1772442000000, 1772442000000, 1772445600000]);
  });

  it("orders a long list (index sort) the same way", () => {
    // 100 events given newest first: times 100..1 → sorted ascending, seq follows time.
    const text = Array.from({ length: 100 }, (_, i) => `1,${100 - i},${100 - i}`).join(";");
    const events = new UserStepEvents();
    readStepEvents(text, events);
    expect(Array.from(events.times.subarray(0, 100))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(Array.from(events.seqs.subarray(0, 100))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
