import { describe, expect, it } from "vitest";
import { buildLifecycle, describeLifecycle, firstShownInterval, type LifecycleCountRow } from "./lifecycle-math";

const rows = (list: [string, LifecycleCountRow["status"], number][]): LifecycleCountRow[] =>
  Object.freeze(list.map(([start, status, users]) => Object.freeze({ start, status, users }))) as LifecycleCountRow[];

describe("firstShownInterval", () => {
  it("counts back whole intervals from the one containing the as-of day", () => {
    // Wed 2026-03-25 is in the ISO week of Mon 03-23; 3 weeks = 03-09, 03-16, 03-23.
    expect(firstShownInterval("2026-03-25", "week", 3)).toBe("2026-03-09");
    expect(firstShownInterval("2026-03-25", "month", 4)).toBe("2025-12-01");
    expect(firstShownInterval("2026-03-01", "day", 2)).toBe("2026-02-28");
    expect(firstShownInterval("2026-03-25", "week", 1)).toBe("2026-03-23");
  });
});

describe("buildLifecycle", () => {
  it("zero-fills gaps, negates dormant, sums active and marks the unfinished last week partial", () => {
    // Weeks 03-09 (2 new), 03-16 (nothing active; 2 dormant), 03-23 (1 resurrecting, 1 new) with as-of day Wed 03-25.
    const intervals = buildLifecycle({
      rows: rows([
        ["2026-03-09", "new", 2],
        ["2026-03-16", "dormant", 2],
        ["2026-03-23", "resurrecting", 1],
        ["2026-03-23", "new", 1],
      ]),
      interval: "week",
      periods: 4,
      asOfDay: "2026-03-25",
    });
    // The window would start at 03-02, but nothing happened that week: the chart starts at 03-09.
    expect(intervals).toEqual([
      { start: "2026-03-09", end: "2026-03-15", new: 2, returning: 0, resurrecting: 0, dormant: 0, active: 2, partial: false },
      { start: "2026-03-16", end: "2026-03-22", new: 0, returning: 0, resurrecting: 0, dormant: -2, active: 0, partial: false },
      { start: "2026-03-23", end: "2026-03-29", new: 1, returning: 0, resurrecting: 1, dormant: 0, active: 2, partial: true },
    ]);
  });

  it("keeps a week that ends on the as-of day complete, and months end on their last day", () => {
    const weekly = buildLifecycle({ rows: rows([["2026-03-23", "new", 1]]), interval: "week", periods: 2, asOfDay: "2026-03-29" });
    expect(weekly.map((row) => row.partial)).toEqual([false]);
    const monthly = buildLifecycle({ rows: rows([["2026-02-01", "new", 3], ["2026-02-01", "returning", 1]]), interval: "month", periods: 2, asOfDay: "2026-02-27" });
    expect(monthly).toEqual([{ start: "2026-02-01", end: "2026-02-28", new: 3, returning: 1, resurrecting: 0, dormant: 0, active: 4, partial: true }]);
  });

  it("returns no intervals without data and rejects rows outside the window", () => {
    expect(buildLifecycle({ rows: [], interval: "week", periods: 26, asOfDay: "2026-03-25" })).toEqual([]);
    expect(buildLifecycle({ rows: rows([["2026-03-23", "new", 1]]), interval: "week", periods: 26, asOfDay: null })).toEqual([]);
    expect(() => buildLifecycle({ rows: rows([["2026-03-02", "new", 1]]), interval: "week", periods: 2, asOfDay: "2026-03-25" })).toThrow(RangeError);
    expect(() => buildLifecycle({ rows: rows([["2026-03-24", "new", 1]]), interval: "week", periods: 2, asOfDay: "2026-03-25" })).toThrow(RangeError);
    expect(() => buildLifecycle({ rows: [], interval: "week", periods: 0, asOfDay: "2026-03-25" })).toThrow(RangeError);
  });
});

describe("describeLifecycle", () => {
  it("names the activity, the interval and the timezone", () => {
    const text = describeLifecycle({ interval: "week", timezone: "Asia/Shanghai", activityEvent: null, transactions: false });
    expect(text).toContain("any event");
    expect(text).toContain("ISO, Monday start");
    expect(text).toContain("Asia/Shanghai");
    expect(describeLifecycle({ interval: "month", timezone: "UTC", activityEvent: "purchase", transactions: true })).toContain("transaction dataset");
    expect(describeLifecycle({ interval: "day", timezone: "UTC", activityEvent: "login", transactions: false })).toContain('"login" event');
  });
});
