import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { NotFoundError } from "../http/not-found-error";
import { seedActivityDataset, type SeedEvent } from "../lifecycle/activity-test-seed";
import { addDays } from "../retention/retention-math";
import { getStickiness } from "./stickiness-query";
import { stickinessQuerySchema, type StickinessResult } from "./stickiness.types";

const daily = (result: StickinessResult) => result.daily.map((day) => [day.day, day.dau, day.wau, day.mau]);
const query = (params: Record<string, string>) => stickinessQuerySchema.parse(params);
const at = (day: string, time = "12:00:00") => `${day}T${time}Z`;

describe.each(testEngines())("stickiness on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    const db = (database = await engine.open()).db;
    // UTC, as-of 2026-03-26T00:00Z → as-of day Wed 03-25. 7 days shown: 03-19 … 03-25; 2 full weeks: 03-09 … 03-22.
    //   a  02-20, 03-19, 03-20
    //   b  every day 03-16 … 03-22, and 03-25
    //   c  03-10, 03-12, Sun 03-22 23:59:59 and Mon 03-23 00:00:00 (boundary: one active day in each week)
    //   f  03-13 only
    //   g  02-19 only (in MAU through 03-20: its 30-day window 02-19 … 03-20)
    //   d  only at 03-26T00:00Z = as-of → not counted; e 02-10 only → too old for any window shown
    // DAU  03-19 a,b 2 | 03-20 a,b 2 | 03-21 b 1 | 03-22 b,c 2 | 03-23 c 1 | 03-24 0 | 03-25 b 1
    // WAU  03-19 (03-13…) a,b,f 3 | 03-20 (03-14…) a,b 2 | 03-21 a,b 2 | 03-22 a,b,c 3 | 03-23, 03-24, 03-25 a,b,c 3
    // MAU  03-19 (02-18…) a,b,c,f,g 5 | 03-20 (02-19…) 5 | 03-21 (02-20…) a,b,c,f 4 | … 4
    // Active days, week 03-09: c 2 days, f 1 day | week 03-16: a 2, b 7, c 1 → 1 day: 2, 2 days: 2, 7 days: 1 of 5 user-weeks.
    const events: SeedEvent[] = [
      ["a", "login", at("2026-02-20")],
      ["a", "login", at("2026-03-19")],
      ["a", "login", at("2026-03-20")],
      ...Array.from({ length: 7 }, (_, day): SeedEvent => ["b", "login", at(addDays("2026-03-16", day))]),
      ["b", "login", at("2026-03-25")],
      ["c", "login", at("2026-03-10")],
      ["c", "login", at("2026-03-12")],
      ["c", "login", at("2026-03-22", "23:59:59")],
      ["c", "login", at("2026-03-23", "00:00:00")],
      ["f", "login", at("2026-03-13")],
      ["g", "login", at("2026-02-19")],
      ["d", "login", at("2026-03-26", "00:00:00")],
      ["e", "login", at("2026-02-10")],
    ];
    await seedActivityDataset(db, "utc", "UTC", events);
    // America/Bogota (UTC−5), as-of 2026-03-23T05:00Z = local Mon 00:00 → as-of day Sun 03-22, so week 03-16 is full.
    //   x 2026-03-21T12:00Z (Sat 03-21) and 2026-03-23T03:00Z = local Sun 03-22 22:00 (UTC would say Mon 03-23)
    //   y 2026-03-16T04:00Z = local Sun 03-15 23:00 → week 03-09, not 03-16
    // 2 days: 03-21 DAU 1 (x), WAU 2 (x, y on 03-15), MAU 2 | 03-22 DAU 1, WAU 1 (03-16…: x), MAU 2.
    // Week 03-16: x on 2 days → 100% in the 2-day bucket.
    await seedActivityDataset(db, "bogota", "America/Bogota", [
      ["x", "login", "2026-03-21T12:00:00Z"],
      ["x", "login", "2026-03-23T03:00:00Z"],
      ["y", "login", "2026-03-16T04:00:00Z"],
    ]);
    // America/New_York, DST starts Sun 03-08 (a 23-hour local day). Default as-of 2026-03-10T04:00Z, as-of day Mon 03-09.
    //   x 2026-03-08T05:00Z = 03-08 00:00 EST and 2026-03-09T03:59Z = 03-08 23:59 EDT → one active day 03-08; 2026-03-09T04:00Z → 03-09
    //   z 2026-03-08T04:59Z = 03-07 23:59 EST → 03-07
    // 2 days: 03-08 DAU 1, WAU 2, MAU 2 | 03-09 DAU 1, WAU 2, MAU 2. Full week 03-02 … 03-08: x 1 day, z 1 day → 1-day bucket 100%.
    await seedActivityDataset(db, "new_york", "America/New_York", [
      ["x", "login", "2026-03-08T05:00:00Z"],
      ["x", "login", "2026-03-09T03:59:00Z"],
      ["x", "login", "2026-03-09T04:00:00Z"],
      ["z", "login", "2026-03-08T04:59:00Z"],
    ]);
    // Transactions, UTC, as-of 2026-04-01T00:00Z (as-of day 03-31). Activity = purchase; page views do not count.
    //   u1 purchase 03-01, page_view 03-30 | u2 page_view 03-30 | u3 purchase 2026-02-28T23:59:59Z and 03-30
    // 3 days: 03-29 DAU 0, WAU 0, MAU 2 (u1 03-01, u3 02-28) | 03-30 DAU 1 (u3), WAU 1, MAU 2 | 03-31 DAU 0, WAU 1, MAU 1 (03-02…: u3)
    await seedActivityDataset(
      db,
      "shop",
      "UTC",
      [
        ["u1", "purchase", "2026-03-01T10:00:00Z"],
        ["u1", "page_view", "2026-03-30T10:00:00Z"],
        ["u2", "page_view", "2026-03-30T10:00:00Z"],
        ["u3", "purchase", "2026-02-28T23:59:59Z"],
        ["u3", "purchase", "2026-03-30T10:00:00Z"],
      ],
      "transactions",
    );
    await seedActivityDataset(db, "empty", "UTC", []);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts DAU, trailing-7-day WAU and trailing-30-day MAU per day, and DAU/MAU", async () => {
    const result = await getStickiness(database.db, "utc", query({ days: "7", weeks: "2", asOf: "2026-03-26T00:00:00Z" }));
    expect(result.asOfDay).toBe("2026-03-25");
    expect(daily(result)).toEqual([
      ["2026-03-19", 2, 3, 5],
      ["2026-03-20", 2, 2, 5],
      ["2026-03-21", 1, 2, 4],
      ["2026-03-22", 2, 3, 4],
      ["2026-03-23", 1, 3, 4],
      ["2026-03-24", 0, 3, 4],
      ["2026-03-25", 1, 3, 4],
    ]);
    expect(result.daily.map((day) => day.dauMauPercent)).toEqual([40, 40, 25, 50, 25, 0, 25]);
  });

  it("distributes weekly-active users by active days over full ISO weeks only", async () => {
    const { activeDaysPerWeek } = await getStickiness(database.db, "utc", query({ days: "7", weeks: "2", asOf: "2026-03-26T00:00:00Z" }));
    expect(activeDaysPerWeek.weeks).toEqual([
      { start: "2026-03-09", weeklyActive: 2, byActiveDays: [1, 1, 0, 0, 0, 0, 0] },
      { start: "2026-03-16", weeklyActive: 3, byActiveDays: [1, 1, 0, 0, 0, 0, 1] },
    ]);
    expect(activeDaysPerWeek.weeklyActiveUserWeeks).toBe(5);
    expect(activeDaysPerWeek.buckets.map((bucket) => bucket.percent)).toEqual([40, 40, 0, 0, 0, 0, 20]);
  });

  it("buckets days and weeks in a UTC−5 dataset timezone (America/Bogota)", async () => {
    const result = await getStickiness(database.db, "bogota", query({ days: "2", weeks: "1", asOf: "2026-03-23T05:00:00Z" }));
    expect(result.asOfDay).toBe("2026-03-22");
    expect(daily(result)).toEqual([
      ["2026-03-21", 1, 2, 2],
      ["2026-03-22", 1, 1, 2],
    ]);
    expect(result.activeDaysPerWeek.weeks).toEqual([{ start: "2026-03-16", weeklyActive: 1, byActiveDays: [0, 1, 0, 0, 0, 0, 0] }]);
    expect(result.activeDaysPerWeek.buckets[1]!.percent).toBe(100);
  });

  it("counts the 23-hour DST day once in America/New_York, with the default as-of", async () => {
    const result = await getStickiness(database.db, "new_york", query({ days: "2", weeks: "1" }));
    expect(result.asOf).toBe("2026-03-10T04:00:00.000Z");
    expect(daily(result)).toEqual([
      ["2026-03-08", 1, 2, 2],
      ["2026-03-09", 1, 2, 2],
    ]);
    expect(result.activeDaysPerWeek.weeks).toEqual([{ start: "2026-03-02", weeklyActive: 2, byActiveDays: [2, 0, 0, 0, 0, 0, 0] }]);
  });

  it("counts purchases only in a transaction dataset", async () => {
    const result = await getStickiness(database.db, "shop", query({ days: "3", weeks: "1", asOf: "2026-04-01T00:00:00Z" }));
    expect(result.activityEvent).toBe("purchase");
    expect(daily(result)).toEqual([
      ["2026-03-29", 0, 0, 2],
      ["2026-03-30", 1, 1, 2],
      ["2026-03-31", 0, 1, 1],
    ]);
    expect(result.daily.map((day) => day.dauMauPercent)).toEqual([0, 50, 0]);
  });

  it("agrees with brute-force trailing-window counts on generated data", async () => {
    // 80 users, each active on random days of 2026-01-01 … 2026-03-31 (fixed LCG); windows recounted from the sets of days.
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const daysOf = new Map<string, Set<string>>();
    const events: SeedEvent[] = [];
    for (let user = 0; user < 80; user++) {
      const rate = random() * 0.3;
      const days = new Set<string>();
      for (let offset = 0; offset < 90; offset++) {
        if (random() < rate) {
          const day = addDays("2026-01-01", offset);
          days.add(day);
          events.push([`g${user}`, "login", at(day)]);
        }
      }
      daysOf.set(`g${user}`, days);
    }
    await seedActivityDataset(database.db, "generated", "UTC", events);
    const result = await getStickiness(database.db, "generated", query({ days: "40", weeks: "4", asOf: "2026-04-01T00:00:00Z" }));
    const activeWithin = (end: string, length: number) =>
      [...daysOf.values()].filter((days) => Array.from({ length }, (_, back) => addDays(end, -back)).some((day) => days.has(day))).length;
    const expected = Array.from({ length: 40 }, (_, index) => {
      const day = addDays("2026-02-20", index);
      return [day, activeWithin(day, 1), activeWithin(day, 7), activeWithin(day, 30)];
    });
    expect(daily(result)).toEqual(expected);
  });

  it("returns empty series for a dataset without events and 404s an unknown dataset", async () => {
    const result = await getStickiness(database.db, "empty", query({}));
    expect(result.daily).toEqual([]);
    expect(result.activeDaysPerWeek.weeklyActiveUserWeeks).toBe(0);
    await expect(getStickiness(database.db, "nope", query({}))).rejects.toBeInstanceOf(NotFoundError);
  });
});
