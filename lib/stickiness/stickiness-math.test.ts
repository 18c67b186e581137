import { describe, expect, it } from "vitest";
import { buildActiveDaysPerWeek, buildDaily, dauMauPercent, describeStickiness, stickinessWindow } from "./stickiness-math";

describe("stickinessWindow", () => {
  it("ends the full weeks on the Sunday before a mid-week as-of day and reads 29 days before the first day shown", () => {
    // As-of day Wed 2026-03-25: the newest full week is Mon 03-16 … Sun 03-22; 2 weeks start Mon 03-09.
    // 7 days shown: 03-19 … 03-25; MAU on 03-19 needs 02-18 … 03-19 (30 days).
    expect(stickinessWindow("2026-03-25", 7, 2)).toEqual({ displayFrom: "2026-03-19", weekFrom: "2026-03-09", weekTo: "2026-03-22", queryFrom: "2026-02-18" });
  });

  it("counts the as-of week when the as-of day is its Sunday, and reads from the oldest week when that is earlier", () => {
    // As-of day Sun 2026-03-22: full weeks 03-16 … 03-22 back 8 weeks → from Mon 01-26; MAU of 03-22 alone needs 02-21.
    expect(stickinessWindow("2026-03-22", 1, 8)).toEqual({ displayFrom: "2026-03-22", weekFrom: "2026-01-26", weekTo: "2026-03-22", queryFrom: "2026-01-26" });
    expect(() => stickinessWindow("2026-03-22", 0, 1)).toThrow(RangeError);
  });
});

describe("dauMauPercent", () => {
  it("divides and keeps 0/0 as null", () => {
    expect(dauMauPercent(3, 12)).toBe(25);
    expect(dauMauPercent(0, 5)).toBe(0);
    expect(dauMauPercent(0, 0)).toBeNull();
  });
});

describe("buildDaily", () => {
  it("fills days without a change (DAU 0, WAU/MAU carried over) and drops leading days before any activity", () => {
    // Changes: 02-27 (before the window: WAU 1, MAU 1), 03-02 (DAU 2, WAU 3, MAU 3), 03-06 (WAU drops to 2; DAU 0).
    const rows = Object.freeze([
      { day: "2026-03-06", dau: 0, wau: 2, mau: 3 },
      { day: "2026-02-27", dau: 1, wau: 1, mau: 1 },
      { day: "2026-03-02", dau: 2, wau: 3, mau: 3 },
    ]);
    expect(buildDaily(rows, "2026-03-01", "2026-03-06")).toEqual([
      { day: "2026-03-01", dau: 0, wau: 1, mau: 1, dauMauPercent: 0 },
      { day: "2026-03-02", dau: 2, wau: 3, mau: 3, dauMauPercent: (2 / 3) * 100 },
      { day: "2026-03-03", dau: 0, wau: 3, mau: 3, dauMauPercent: 0 },
      { day: "2026-03-04", dau: 0, wau: 3, mau: 3, dauMauPercent: 0 },
      { day: "2026-03-05", dau: 0, wau: 3, mau: 3, dauMauPercent: 0 },
      { day: "2026-03-06", dau: 0, wau: 2, mau: 3, dauMauPercent: 0 },
    ]);
    // Window opening before the first activity: 02-25 and 02-26 have MAU 0 and are not drawn.
    expect(buildDaily(rows, "2026-02-25", "2026-02-28").map((day) => day.day)).toEqual(["2026-02-27", "2026-02-28"]);
    expect(buildDaily([], "2026-02-25", "2026-02-28")).toEqual([]);
  });
});

describe("buildActiveDaysPerWeek", () => {
  it("builds per-week histograms from the first week with data and sums them as shares of user-weeks", () => {
    // Week 03-09: 2 users on 1 day, 1 user on 7 days (3 weekly active). Week 03-16: nobody. Week 03-23: 1 user on 3 days.
    // Sum: 1 day 2, 3 days 1, 7 days 1 of 4 user-weeks → 50%, 25%, 25%.
    const result = buildActiveDaysPerWeek(
      [
        { week: "2026-03-09", activeDays: 1, users: 2 },
        { week: "2026-03-09", activeDays: 7, users: 1 },
        { week: "2026-03-23", activeDays: 3, users: 1 },
      ],
      "2026-03-02",
      "2026-03-29",
    );
    expect(result.weeks).toEqual([
      { start: "2026-03-09", weeklyActive: 3, byActiveDays: [2, 0, 0, 0, 0, 0, 1] },
      { start: "2026-03-16", weeklyActive: 0, byActiveDays: [0, 0, 0, 0, 0, 0, 0] },
      { start: "2026-03-23", weeklyActive: 1, byActiveDays: [0, 0, 1, 0, 0, 0, 0] },
    ]);
    expect(result.weeklyActiveUserWeeks).toBe(4);
    expect(result.buckets.map((bucket) => [bucket.days, bucket.users, bucket.percent])).toEqual([
      [1, 2, 50],
      [2, 0, 0],
      [3, 1, 25],
      [4, 0, 0],
      [5, 0, 0],
      [6, 0, 0],
      [7, 1, 25],
    ]);
  });

  it("has null shares without weekly-active users and rejects impossible rows", () => {
    const empty = buildActiveDaysPerWeek([], "2026-03-02", "2026-03-29");
    expect(empty.weeks).toEqual([]);
    expect(empty.buckets.every((bucket) => bucket.users === 0 && bucket.percent === null)).toBe(true);
    expect(() => buildActiveDaysPerWeek([{ week: "2026-03-09", activeDays: 8, users: 1 }], "2026-03-02", "2026-03-29")).toThrow(RangeError);
    expect(() => buildActiveDaysPerWeek([{ week: "2026-03-10", activeDays: 1, users: 1 }], "2026-03-02", "2026-03-29")).toThrow(RangeError);
  });
});

describe("describeStickiness", () => {
  it("names the activity, the windows and the timezone", () => {
    const text = describeStickiness({ timezone: "America/Bogota", activityEvent: "purchase" });
    expect(text).toContain('"purchase" event');
    expect(text).toContain("trailing 7 days");
    expect(text).toContain("America/Bogota");
  });
});
