import { describe, expect, it } from "vitest";
import { addPeriods, buildRetentionMatrix, cellState, periodStart, retentionPercent, type RetentionCountRow } from "./retention-math";

describe("calendar periods", () => {
  it("weeks are ISO weeks starting Monday, months calendar months", () => {
    // 2026-03-01 is a Sunday: its ISO week began Monday 2026-02-23.
    expect(periodStart("2026-03-01", "week")).toBe("2026-02-23");
    expect(periodStart("2026-03-02", "week")).toBe("2026-03-02"); // a Monday is its own week start
    expect(periodStart("2026-03-31", "month")).toBe("2026-03-01");
    expect(addPeriods("2026-01-01", "month", 13)).toBe("2027-02-01");
    expect(addPeriods("2026-12-28", "week", 1)).toBe("2027-01-04");
  });
});

describe("retentionPercent", () => {
  it("states the 0/0 policy: an empty cohort has no rate", () => {
    expect(retentionPercent(0, 0)).toBeNull();
    expect(retentionPercent(1, 4)).toBe(25);
  });
});

describe("cellState", () => {
  it("marks periods complete, under way, or not started on the as-of day", () => {
    // Week cohort 2026-03-16 (Mon) seen on Wed 2026-03-18: week 0 runs to Sun 03-22 → partial; week 1 not started.
    expect(cellState("2026-03-16", "week", "week", 0, "2026-03-18")).toBe("partial");
    expect(cellState("2026-03-16", "week", "week", 1, "2026-03-18")).toBe("future");
    // On Sunday 2026-03-22 week 0 has ended (last day included).
    expect(cellState("2026-03-16", "week", "week", 0, "2026-03-22")).toBe("complete");
    // Weekly cohort, daily periods: users of week 03-02 reach day 0 between 03-02 and 03-08,
    // so on 03-03 day 0 is under way (the Sunday joiners have not had it yet) and day 2 (earliest 03-04) is future.
    expect(cellState("2026-03-02", "week", "day", 0, "2026-03-03")).toBe("partial");
    expect(cellState("2026-03-02", "week", "day", 2, "2026-03-03")).toBe("future");
    expect(cellState("2026-03-02", "week", "day", 0, "2026-03-08")).toBe("complete");
  });
});

// Cohort week 2026-03-02, max period 3, four users:
//   A active in period 0 only            → last 0
//   B active in periods 0, 1             → last 1
//   C active in periods 0, 2             → last 2
//   D active in periods 0, 1 and 5 (> 3) → last 5, counted at 3
// active (exactly N): 4, 2 (B,D), 1 (C), 0
// last-period histogram: 1, 1, 1, 1 → size 4
// unbounded (N or later): 4, 3 (B,C,D), 2 (C,D), 1 (D)
const fourUsers: readonly RetentionCountRow[] = Object.freeze([
  { cohortStart: "2026-03-02", period: 0, activeUsers: 4, lastActiveUsers: 1 },
  { cohortStart: "2026-03-02", period: 1, activeUsers: 2, lastActiveUsers: 1 },
  { cohortStart: "2026-03-02", period: 2, activeUsers: 1, lastActiveUsers: 1 },
  { cohortStart: "2026-03-02", period: 3, activeUsers: 0, lastActiveUsers: 1 },
]);

describe("buildRetentionMatrix", () => {
  const common = { rows: fourUsers, cohortUnit: "week", periodUnit: "week", maxPeriod: 3, asOfDay: "2026-03-29" } as const;

  it("n-period: active in exactly period N", () => {
    const [cohort] = buildRetentionMatrix({ ...common, mode: "n-period" });
    expect(cohort!.size).toBe(4);
    expect(cohort!.cells.map((cell) => cell.users)).toEqual([4, 2, 1, 0]);
    expect(cohort!.cells.map((cell) => cell.percent)).toEqual([100, 50, 25, 0]);
  });

  it("unbounded: active in period N or later, never below n-period", () => {
    const [unbounded] = buildRetentionMatrix({ ...common, mode: "unbounded" });
    const [bracket] = buildRetentionMatrix({ ...common, mode: "n-period" });
    expect(unbounded!.cells.map((cell) => cell.users)).toEqual([4, 3, 2, 1]);
    expect(unbounded!.cells.map((cell) => cell.percent)).toEqual([100, 75, 50, 25]);
    unbounded!.cells.forEach((cell, n) => expect(cell.users!).toBeGreaterThanOrEqual(bracket!.cells[n]!.users!));
  });

  it("zero-fills cohorts without users and leaves future periods null, not 0", () => {
    // as-of day Wed 2026-03-18: cohorts 03-02, 03-09 (empty), 03-16 (a 1-user cohort, row given below).
    const cohorts = buildRetentionMatrix({
      ...common,
      rows: [...fourUsers, { cohortStart: "2026-03-16", period: 0, activeUsers: 1, lastActiveUsers: 1 }],
      asOfDay: "2026-03-18",
      mode: "n-period",
    });
    expect(cohorts.map((cohort) => [cohort.start, cohort.size])).toEqual([
      ["2026-03-02", 4],
      ["2026-03-09", 0],
      ["2026-03-16", 1],
    ]);
    // 03-02: weeks 0 and 1 ended, week 2 (03-16..22) under way, week 3 (03-23) not started.
    expect(cohorts[0]!.cells.map((cell) => cell.state)).toEqual(["complete", "complete", "partial", "future"]);
    expect(cohorts[0]!.cells[3]).toEqual({ period: 3, users: null, percent: null, state: "future" });
    // 03-09: no users → 0 users, percent null (0/0), future cells still null.
    expect(cohorts[1]!.cells.map((cell) => [cell.users, cell.percent])).toEqual([[0, null], [0, null], [null, null], [null, null]]);
    // 03-16: period 0 = 100% (first-seen cohort), under way.
    expect(cohorts[2]!.cells[0]).toEqual({ period: 0, users: 1, percent: 100, state: "partial" });
  });

  it("returns no cohorts without data", () => {
    expect(buildRetentionMatrix({ ...common, rows: [], mode: "n-period" })).toEqual([]);
    expect(buildRetentionMatrix({ ...common, asOfDay: null, mode: "n-period" })).toEqual([]);
  });
});
