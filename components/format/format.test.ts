import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDuration } from "./dates";
import { formatAmount, formatBytes, formatCount, formatPercent, plural } from "./numbers";

describe("number formats", () => {
  it("groups thousands and names units", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatAmount(1234.5)).toBe("1,234.50");
    expect(formatPercent(0.1234)).toBe("12.3%");
    // 12.3 MB = 12.3 × 1,048,576 bytes
    expect(formatBytes(12.3 * 1024 * 1024)).toBe("12.3 MB");
    expect(formatBytes(512)).toBe("512 B");
    expect(plural(1, "user")).toBe("1 user");
    expect(plural(1200, "user")).toBe("1,200 users");
  });
});

describe("date formats", () => {
  it("formats in the named zone", () => {
    expect(formatDateTime("2026-03-04T10:05:00.000Z")).toBe("Mar 4, 2026, 10:05 AM");
    // 23:30 UTC is already the next day in Berlin (UTC+1 in March before DST).
    expect(formatDate("2026-03-04T23:30:00.000Z", "Europe/Berlin")).toBe("Mar 5, 2026");
  });

  it("reads durations at a useful precision", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_340)).toBe("12.3 s");
    expect(formatDuration(245_000)).toBe("4 min 5 s");
    expect(formatDuration(5_400_000)).toBe("1 h 30 min");
  });
});
