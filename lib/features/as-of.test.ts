import { describe, expect, it } from "vitest";
import { asOfDay, assertTimeZone, endOfLocalDay, localDate, resolveAsOf } from "./as-of";

const d = (iso: string) => new Date(iso);

describe("localDate", () => {
  it("reads the calendar date in the dataset timezone", () => {
    // 17:30Z + 8 h = 01:30 on 03-02 in Shanghai
    expect(localDate(d("2026-03-01T17:30:00Z"), "Asia/Shanghai")).toBe("2026-03-02");
    // 04:59:59Z − 5 h = 23:59:59 EST on 03-07
    expect(localDate(d("2026-03-08T04:59:59Z"), "America/New_York")).toBe("2026-03-07");
    expect(localDate(d("2026-03-08T04:59:59Z"), "UTC")).toBe("2026-03-08");
  });
});

describe("endOfLocalDay", () => {
  it("is the local midnight after the instant", () => {
    // UTC: midnight after 2026-03-31
    expect(endOfLocalDay(d("2026-03-31T15:00:00Z"), "UTC")).toEqual(d("2026-04-01T00:00:00Z"));
    // Shanghai (UTC+8): local day 03-02 ends at 03-03 00:00+08 = 03-02 16:00Z
    expect(endOfLocalDay(d("2026-03-01T17:30:00Z"), "Asia/Shanghai")).toEqual(d("2026-03-02T16:00:00Z"));
    // an instant exactly at local midnight belongs to the new day
    expect(endOfLocalDay(d("2026-03-02T16:00:00Z"), "Asia/Shanghai")).toEqual(d("2026-03-03T16:00:00Z"));
  });

  it("follows DST changes", () => {
    // New York springs forward on 2026-03-08: the next midnight is EDT (−4) → 04:00Z
    expect(endOfLocalDay(d("2026-03-08T12:00:00Z"), "America/New_York")).toEqual(d("2026-03-09T04:00:00Z"));
    // and falls back on 2026-11-01: the next midnight is EST (−5) → 05:00Z
    expect(endOfLocalDay(d("2026-11-01T12:00:00Z"), "America/New_York")).toEqual(d("2026-11-02T05:00:00Z"));
    // Santiago skips 2026-09-06 00:00–01:00 (−4 → −3): the day starts at 01:00 −03 = 04:00Z
    // (PostgreSQL maps the missing local midnight to the same instant)
    expect(endOfLocalDay(d("2026-09-05T16:00:00Z"), "America/Santiago")).toEqual(d("2026-09-06T04:00:00Z"));
  });
});

describe("asOfDay", () => {
  it("names the last day that counts: the local date of as-of − 1 ms", () => {
    expect(asOfDay(d("2026-04-01T00:00:00Z"), "UTC")).toBe("2026-03-31");
    expect(asOfDay(d("2026-04-01T00:00:00.001Z"), "UTC")).toBe("2026-04-01");
    expect(asOfDay(d("2026-03-02T16:00:00Z"), "Asia/Shanghai")).toBe("2026-03-02");
  });
});

describe("resolveAsOf", () => {
  it("prefers an explicit as-of, else ends the last event's local day", () => {
    const explicit = d("2026-01-15T10:00:00Z");
    expect(resolveAsOf(explicit, d("2026-03-01T00:00:00Z"), "UTC")).toBe(explicit);
    expect(resolveAsOf(undefined, d("2026-03-01T17:30:00Z"), "Asia/Shanghai")).toEqual(d("2026-03-02T16:00:00Z"));
    expect(resolveAsOf(undefined, null, "UTC")).toBeNull();
  });

  it("rejects an invalid date and an unknown zone", () => {
    expect(() => resolveAsOf(new Date("not a date"), null, "UTC")).toThrow(/not a valid date/);
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(() => assertTimeZone("Europe/Berlin")).not.toThrow();
  });
});
