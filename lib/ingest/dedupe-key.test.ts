import { describe, expect, it } from "vitest";
import { canonicalJson, dedupeKey } from "./dedupe-key";
import { OccurrenceCounter } from "./occurrence-counter";
import type { ParsedEvent } from "./types";

const base: ParsedEvent = Object.freeze({
  kind: "event",
  line: 2,
  userId: "u1",
  eventName: "purchase",
  ts: Date.UTC(1997, 0, 12),
  revenue: 12,
  properties: { quantity: "1" },
  insertId: null,
  traits: null,
});

describe("dedupeKey", () => {
  it("uses the insert id when there is one", () => {
    expect(dedupeKey({ ...base, insertId: "abc-1" }, new OccurrenceCounter())).toBe("i:abc-1");
  });

  it("numbers identical rows within a file and reproduces the numbering on reload", () => {
    const firstLoad = new OccurrenceCounter();
    const keys = [dedupeKey(base, firstLoad), dedupeKey(base, firstLoad), dedupeKey({ ...base, revenue: 13 }, firstLoad)];
    expect(keys[0]).toMatch(/^h:[A-Za-z0-9_-]{22}:1$/);
    expect(keys[1]).toBe(keys[0]!.replace(/:1$/, ":2"));
    expect(keys[2]).toMatch(/:1$/);
    expect(keys[2]).not.toBe(keys[0]);
    const reload = new OccurrenceCounter();
    expect([dedupeKey(base, reload), dedupeKey(base, reload), dedupeKey({ ...base, revenue: 13 }, reload)]).toEqual(keys);
  });

  it("ignores property order", () => {
    const a = dedupeKey({ ...base, properties: { a: 1, b: 2 } }, new OccurrenceCounter());
    const b = dedupeKey({ ...base, properties: { b: 2, a: 1 } }, new OccurrenceCounter());
    expect(a).toBe(b);
  });

  it("canonical JSON sorts nested keys", () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: "x" })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
  });
});
