import { describe, expect, it } from "vitest";
import { daysFromCivil, isValidTimeZone, localWallTimeToUtc, parseTimestamp, zoneOffsetAt } from "./timestamp";

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe("parseTimestamp: ISO 8601 with an offset", () => {
  it.each([
    ["2024-03-08T10:00:00Z", utc(2024, 3, 8, 10)],
    ["2024-03-08t10:00:00z", utc(2024, 3, 8, 10)],
    ["2024-03-08T10:00Z", utc(2024, 3, 8, 10)],
    ["2024-03-08 10:00:00Z", utc(2024, 3, 8, 10)],
    ["2024-03-08T10:00:00.123Z", utc(2024, 3, 8, 10, 0, 0, 123)],
    ["2024-03-08T10:00:00.123456789Z", utc(2024, 3, 8, 10, 0, 0, 123)], // truncated, not rounded
    ["2024-03-08T10:00:00.5Z", utc(2024, 3, 8, 10, 0, 0, 500)],
    ["2024-03-08T10:00:00,25Z", utc(2024, 3, 8, 10, 0, 0, 250)],
    // 10:00 at +05:30 is 04:30 UTC
    ["2024-03-08T10:00:00+05:30", utc(2024, 3, 8, 4, 30)],
    ["2024-03-08T10:00:00+0530", utc(2024, 3, 8, 4, 30)],
    ["2024-03-08T10:00:00+05", utc(2024, 3, 8, 5)],
    // 10:00 at -08:00 is 18:00 UTC
    ["2024-03-08T10:00:00-08:00", utc(2024, 3, 8, 18)],
    ["2024-03-08T23:30:00.250-0800", utc(2024, 3, 9, 7, 30, 0, 250)],
    ["2024-03-08 10:00:00 +0000", utc(2024, 3, 8, 10)],
    ["2024-03-08 10:00:00 UTC", utc(2024, 3, 8, 10)],
    ["  2024-03-08T10:00:00Z  ", utc(2024, 3, 8, 10)],
  ])("%s", (raw, expected) => {
    // The dataset zone must not matter when the value carries its own offset.
    expect(parseTimestamp(raw, "Asia/Shanghai")).toBe(expected);
    expect(parseTimestamp(raw, "UTC")).toBe(expected);
  });
});

describe("parseTimestamp: wall-clock times in the dataset timezone", () => {
  it("reads zone-less values as UTC when the zone is UTC", () => {
    expect(parseTimestamp("2025-12-23 19:25:16.820000", "UTC")).toBe(utc(2025, 12, 23, 19, 25, 16, 820));
    expect(parseTimestamp("2024-03-08T10:00:00", "UTC")).toBe(utc(2024, 3, 8, 10));
    expect(parseTimestamp("2024-03-08", "UTC")).toBe(utc(2024, 3, 8));
    expect(parseTimestamp("2024/03/08", "UTC")).toBe(utc(2024, 3, 8));
    expect(parseTimestamp("2024-3-8 8:05", "UTC")).toBe(utc(2024, 3, 8, 8, 5));
    expect(parseTimestamp("20240308", "UTC")).toBe(utc(2024, 3, 8));
    expect(parseTimestamp(20240308, "UTC")).toBe(utc(2024, 3, 8));
  });

  it("Asia/Shanghai is UTC+8 all year", () => {
    expect(parseTimestamp("2024-07-01 08:00:00", "Asia/Shanghai")).toBe(utc(2024, 7, 1, 0));
    expect(parseTimestamp("2024-01-15 08:00:00", "Asia/Shanghai")).toBe(utc(2024, 1, 15, 0));
    // A bare date is local midnight: 2024-01-01 00:00 +08 = 2023-12-31 16:00 UTC.
    expect(parseTimestamp("20240101", "Asia/Shanghai")).toBe(utc(2023, 12, 31, 16));
    expect(parseTimestamp("2024-01-01", "Asia/Shanghai")).toBe(utc(2023, 12, 31, 16));
  });

  it("Asia/Kolkata has a half-hour offset (+05:30)", () => {
    expect(parseTimestamp("2024-01-01 05:30", "Asia/Kolkata")).toBe(utc(2024, 1, 1, 0));
  });

  it("America/New_York around the 2026-03-08 spring-forward (02:00 EST → 03:00 EDT = 07:00 UTC)", () => {
    const ny = "America/New_York";
    expect(parseTimestamp("2026-03-07 12:00:00", ny)).toBe(utc(2026, 3, 7, 17)); // EST, -5
    expect(parseTimestamp("2026-03-08 01:59:59", ny)).toBe(utc(2026, 3, 8, 6, 59, 59)); // last EST second
    // 02:30 does not exist that night: moved forward by the gap, i.e. read with the offset before it (03:30 EDT).
    expect(parseTimestamp("2026-03-08 02:30:00", ny)).toBe(utc(2026, 3, 8, 7, 30));
    expect(parseTimestamp("2026-03-08 03:00:00", ny)).toBe(utc(2026, 3, 8, 7)); // first EDT instant
    expect(parseTimestamp("2026-03-08 12:00:00", ny)).toBe(utc(2026, 3, 8, 16)); // EDT, -4
    expect(parseTimestamp("20260308", ny)).toBe(utc(2026, 3, 8, 5)); // midnight is still EST
    expect(parseTimestamp("20260309", ny)).toBe(utc(2026, 3, 9, 4)); // midnight in EDT
  });

  it("America/New_York around the 2026-11-01 fall-back (02:00 EDT → 01:00 EST = 06:00 UTC)", () => {
    const ny = "America/New_York";
    expect(parseTimestamp("2026-11-01 00:30:00", ny)).toBe(utc(2026, 11, 1, 4, 30)); // EDT
    // 01:30 happens twice (EDT then EST): the earlier instant is taken.
    expect(parseTimestamp("2026-11-01 01:30:00", ny)).toBe(utc(2026, 11, 1, 5, 30));
    expect(parseTimestamp("2026-11-01 01:59:59", ny)).toBe(utc(2026, 11, 1, 5, 59, 59));
    expect(parseTimestamp("2026-11-01 02:00:00", ny)).toBe(utc(2026, 11, 1, 7)); // EST
    expect(parseTimestamp("2026-11-02 12:00:00", ny)).toBe(utc(2026, 11, 2, 17));
  });

  it("Australia/Lord_Howe moves by 30 minutes (02:00 +10:30 → 02:30 +11 on 2024-10-06)", () => {
    const zone = "Australia/Lord_Howe";
    expect(parseTimestamp("2024-10-06 01:59", zone)).toBe(utc(2024, 10, 5, 15, 29));
    expect(parseTimestamp("2024-10-06 02:15", zone)).toBe(utc(2024, 10, 5, 15, 45)); // in the gap → 02:45 +11
    expect(parseTimestamp("2024-10-06 02:30", zone)).toBe(utc(2024, 10, 5, 15, 30));
    expect(parseTimestamp("2024-10-06 02:45", zone)).toBe(utc(2024, 10, 5, 15, 45));
  });

  it("round-trips every 17 minutes of 2026 in New York against Intl (cache and DST handling)", () => {
    const zone = "America/New_York";
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    const wall = (ms: number) => format.format(ms).replace(", ", " ");
    let mismatches = 0;
    let overlapSecondPass = 0;
    for (let ms = utc(2026, 1, 1); ms < utc(2027, 1, 1); ms += 17 * 60_000) {
      const text = wall(ms);
      const parsed = parseTimestamp(text, zone);
      if (parsed === ms) continue;
      // The second 01:xx of the fall-back night reads as the first one, an hour earlier.
      if (parsed === ms - 3_600_000 && wall(parsed) === text) overlapSecondPass++;
      else mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(overlapSecondPass).toBe(4); // 01:00–01:59 EST holds 60/17 → 3 or 4 samples
  });
});

describe("parseTimestamp: epoch values by magnitude", () => {
  it.each<[string | number, number]>([
    [1604192073, 1604192073000], // seconds
    ["1604192073", 1604192073000],
    [1604192073.036, 1604192073036],
    ["1604192073.5", 1604192073500],
    [1604192073036, 1604192073036], // milliseconds
    ["1604192073036", 1604192073036],
    [1604192073036492, 1604192073036], // microseconds (GA4)
    ["1604192073036492", 1604192073036],
    ["1604192073036492123", 1604192073036], // nanoseconds, exact from the digits
    [1604192073036000000, 1604192073036], // nanoseconds as a double: already rounded by JSON
    [100000000, 100000000000], // 1e8 s = 1973-03-03, the smallest accepted epoch
  ])("%s", (raw, expected) => {
    expect(parseTimestamp(raw, "America/New_York")).toBe(expected);
  });

  it("rejects numbers too small, negative, too large or out of range", () => {
    expect(parseTimestamp(12345, "UTC")).toBe("is not a date (too small for an epoch timestamp)");
    expect(parseTimestamp("12345", "UTC")).toBe("is not a date (too small for an epoch timestamp)");
    expect(parseTimestamp(-5, "UTC")).toBe("is not a date (negative epoch values are before 1970)");
    expect(parseTimestamp("-1604192073", "UTC")).toBe("is not a date (negative epoch values are before 1970)");
    expect(parseTimestamp(Number.NaN, "UTC")).toBe("is not a date");
    expect(parseTimestamp("123456789012345678901", "UTC")).toBe("is not a date (number too large for an epoch timestamp)");
    // 99999999999 s is year 5138; 4133980800000 ms is 2101-01-01.
    expect(parseTimestamp(99999999999, "UTC")).toBe("is out of range (year 5138 is outside 1970–2100)");
    expect(parseTimestamp(4133980800000, "UTC")).toBe("is out of range (year 2101 is outside 1970–2100)");
    expect(parseTimestamp(4133980799999, "UTC")).toBe(4133980799999);
  });
});

describe("parseTimestamp: rejections never roll dates over", () => {
  it.each([
    ["2011-13-01", "is not a date"],
    ["2011-00-10", "is not a date"],
    ["2023-02-30", "is not a date"],
    ["2023-02-29", "is not a date"],
    ["2100-02-29", "is not a date"], // 2100 is not a leap year
    ["2023-04-31T10:00:00Z", "is not a date"],
    ["19971345", "is not a date"],
    ["19970230", "is not a date"],
    ["2024-03-08T25:00:00Z", "is not a date"],
    ["2024-03-08T10:61:00Z", "is not a date"],
    ["2024-03-08T10:00:60Z", "is not a date"],
    ["1900-01-01", "is out of range (year 1900 is outside 1970–2100)"],
    ["2101-01-01T00:00:00Z", "is out of range (year 2101 is outside 1970–2100)"],
    ["9999-12-31", "is out of range (year 9999 is outside 1970–2100)"],
    ["2024-03-08T10:00:00+25:00", "is not a date (unreadable time zone offset)"],
    ["2024-03-08T10:00:00 PST", "is not a date (unreadable time zone offset)"],
    ["12/1/2010 8:26", "is not a date (day/month order is ambiguous; use YYYY-MM-DD)"],
    ["01.02.2024", "is not a date (day/month order is ambiguous; use YYYY-MM-DD)"],
    ["abc", "is not a date"],
    ["2024-03", "is not a date"],
    ["2024-03-08T", "is not a date"],
    ["2024-03-08X10:00", "is not a date"],
    ["1.5", "is not a date"],
    ["", "is empty"],
    ["   ", "is empty"],
  ])("%s → %s", (raw, reason) => {
    expect(parseTimestamp(raw, "UTC")).toBe(reason);
  });

  it("accepts leap days that exist", () => {
    expect(parseTimestamp("2024-02-29", "UTC")).toBe(utc(2024, 2, 29));
    expect(parseTimestamp("2000-02-29", "UTC")).toBe(utc(2000, 2, 29));
    expect(parseTimestamp("1970-01-01T00:00:00Z", "UTC")).toBe(0);
    expect(parseTimestamp("2100-12-31T23:59:59.999Z", "UTC")).toBe(utc(2100, 12, 31, 23, 59, 59, 999));
  });
});

describe("time zone helpers", () => {
  it("knows valid and invalid zone names", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("zoneOffsetAt matches known offsets", () => {
    expect(zoneOffsetAt(utc(2026, 1, 15), "America/New_York")).toBe(-5 * 3_600_000);
    expect(zoneOffsetAt(utc(2026, 7, 15), "America/New_York")).toBe(-4 * 3_600_000);
    expect(zoneOffsetAt(utc(2026, 3, 8, 6, 59), "America/New_York")).toBe(-5 * 3_600_000);
    expect(zoneOffsetAt(utc(2026, 3, 8, 7, 0), "America/New_York")).toBe(-4 * 3_600_000);
    expect(zoneOffsetAt(utc(2024, 10, 5, 15, 29), "Australia/Lord_Howe")).toBe(10.5 * 3_600_000);
    expect(zoneOffsetAt(utc(2024, 10, 5, 15, 30), "Australia/Lord_Howe")).toBe(11 * 3_600_000);
    expect(zoneOffsetAt(utc(2024, 1, 1), "UTC")).toBe(0);
  });

  it("localWallTimeToUtc handles the day Samoa skipped (2011-12-30 did not exist in Pacific/Apia)", () => {
    // 2011-12-29 23:59 at -10 was followed by 2011-12-31 00:00 at +14.
    expect(localWallTimeToUtc(utc(2011, 12, 29, 12), "Pacific/Apia")).toBe(utc(2011, 12, 29, 22));
    expect(localWallTimeToUtc(utc(2011, 12, 31, 12), "Pacific/Apia")).toBe(utc(2011, 12, 30, 22));
  });

  it("daysFromCivil agrees with Date.UTC", () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2024, 12, 31], [2100, 3, 1], [1969, 12, 31]] as const) {
      expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
    }
  });
});
