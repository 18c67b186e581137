import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { NotFoundError } from "../http/not-found-error";
import { seedActivityDataset } from "./activity-test-seed";
import { getLifecycle } from "./lifecycle-query";
import { lifecycleQuerySchema, type LifecycleResult } from "./lifecycle.types";

/** [start, new, returning, resurrecting, dormant, partial] per interval. */
const table = (result: LifecycleResult) => result.intervals.map((row) => [row.start, row.new, row.returning, row.resurrecting, row.dormant, row.partial]);
const query = (params: Record<string, string>) => lifecycleQuerySchema.parse(params);

/** The two identities every lifecycle must satisfy: active = new + returning + resurrecting, dormant(t) = −(active(t−1) − returning(t)). */
function expectIdentities(result: LifecycleResult): void {
  result.intervals.forEach((row, index) => {
    expect(row.new + row.returning + row.resurrecting).toBe(row.active);
    if (index > 0) expect(row.dormant).toBe(row.returning - result.intervals[index - 1]!.active);
  });
}

describe.each(testEngines())("lifecycle on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    const db = (database = await engine.open()).db;
    // UTC, ISO weeks W1 = Mon 03-02, W2 = 03-09, W3 = 03-16, W4 = 03-23; as-of 2026-03-26T00:00Z → as-of day Wed 03-25, W4 partial.
    //   u1 Sun 03-08 23:59:59 (W1) and Mon 03-09 00:00:00 (W2): the boundary instant starts the next week → new W1, returning W2, dormant W3
    //   u2 03-03 (W1), 03-18 (W3)            → new W1, dormant W2, resurrecting W3, dormant W4
    //   u3 03-10, 03-17, 03-24 (W2, W3, W4)  → new W2, returning W3, returning W4
    //   u4 03-25 (W4)                        → new W4
    //   u5 only at 03-26T00:00Z = as-of (exclusive) → not counted anywhere
    // W1: new 2 | W2: new 1, returning 1, dormant −1 | W3: returning 1, resurrecting 1, dormant −1 | W4: new 1, returning 1, dormant −1
    await seedActivityDataset(db, "utc", "UTC", [
      ["u1", "login", "2026-03-08T23:59:59Z"],
      ["u1", "login", "2026-03-09T00:00:00Z"],
      ["u2", "login", "2026-03-03T10:00:00Z"],
      ["u2", "search", "2026-03-18T10:00:00Z"],
      ["u3", "login", "2026-03-10T10:00:00Z"],
      ["u3", "login", "2026-03-17T10:00:00Z"],
      ["u3", "login", "2026-03-24T10:00:00Z"],
      ["u4", "login", "2026-03-25T10:00:00Z"],
      ["u5", "login", "2026-03-26T00:00:00Z"],
    ]);
    // Asia/Shanghai (UTC+8), days, as-of 2026-03-03T16:00Z = local 03-04 00:00 (as-of day 03-03):
    //   u1 2026-03-01T17:30Z = local 03-02 01:30 (UTC would say 03-01); 2026-03-02T16:00Z = local 03-03 00:00
    //   u2 2026-03-01T15:00Z = local 03-01 23:00
    // 03-01: new u2 | 03-02: new u1, dormant u2 | 03-03: returning u1
    await seedActivityDataset(db, "shanghai", "Asia/Shanghai", [
      ["u1", "login", "2026-03-01T17:30:00Z"],
      ["u1", "login", "2026-03-02T16:00:00Z"],
      ["u2", "login", "2026-03-01T15:00:00Z"],
    ]);
    // America/Bogota (UTC−5), weeks, as-of 2026-03-23T05:00Z = local Mon 03-23 00:00 (as-of day Sun 03-22: week 03-16 complete):
    //   u1 2026-03-02T04:59Z = local Sun 03-01 23:59 → week 02-23; 2026-03-02T05:00Z = local Mon 03-02 → week 03-02
    //   u2 2026-03-09T04:00Z = local Sun 03-08 23:00 → week 03-02; 2026-03-16T05:30Z = local Mon 03-16 → week 03-16
    // 02-23: new u1 | 03-02: new u2, returning u1 | 03-09: dormant u1, u2 | 03-16: resurrecting u2
    await seedActivityDataset(db, "bogota", "America/Bogota", [
      ["u1", "login", "2026-03-02T04:59:00Z"],
      ["u1", "login", "2026-03-02T05:00:00Z"],
      ["u2", "login", "2026-03-09T04:00:00Z"],
      ["u2", "login", "2026-03-16T05:30:00Z"],
    ]);
    // America/New_York, DST starts Sun 2026-03-08 (local 03-08 lasts 23 hours, 05:00Z … 04:00Z next day), days:
    //   u1 2026-03-08T05:00Z = 03-08 00:00 EST, 2026-03-09T03:59Z = 03-08 23:59 EDT (same day), 2026-03-09T04:00Z = 03-09 00:00 EDT
    //   u2 2026-03-08T04:59Z = 03-07 23:59 EST; 2026-03-09T04:30Z = 03-09 00:30 EDT
    // Default as-of = 2026-03-10T04:00Z (EDT midnight after the last event), as-of day 03-09.
    // 03-07: new u2 | 03-08: new u1, dormant u2 | 03-09: returning u1, resurrecting u2
    await seedActivityDataset(db, "new_york", "America/New_York", [
      ["u1", "login", "2026-03-08T05:00:00Z"],
      ["u1", "login", "2026-03-09T03:59:00Z"],
      ["u1", "login", "2026-03-09T04:00:00Z"],
      ["u2", "login", "2026-03-08T04:59:00Z"],
      ["u2", "login", "2026-03-09T04:30:00Z"],
    ]);
    // Transactions, UTC months, as-of 2026-04-01T00:00Z (as-of day 03-31: March complete). Activity = purchase:
    //   u1 purchase 01-15, page_view 02-10 (not activity), purchase 03-01 → new Jan, dormant Feb, resurrecting Mar
    //   u2 page_view only → never active
    //   u3 purchase 2026-02-28T23:59:59Z → new Feb, dormant Mar
    // With --event page_view instead: u2 new Jan; u1 new Feb, u2 dormant Feb; u1 dormant Mar.
    await seedActivityDataset(
      db,
      "shop",
      "UTC",
      [
        ["u1", "purchase", "2026-01-15T10:00:00Z"],
        ["u1", "page_view", "2026-02-10T10:00:00Z"],
        ["u1", "purchase", "2026-03-01T00:00:00Z"],
        ["u2", "page_view", "2026-01-05T10:00:00Z"],
        ["u3", "purchase", "2026-02-28T23:59:59Z"],
      ],
      "transactions",
    );
    await seedActivityDataset(db, "empty", "UTC", []);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("classifies new, returning, resurrecting and dormant users per ISO week, with a user on the week boundary and a partial last week", async () => {
    const result = await getLifecycle(database.db, "utc", query({ periods: "4", asOf: "2026-03-26T00:00:00Z" }));
    expect(result.asOfDay).toBe("2026-03-25");
    expect(table(result)).toEqual([
      ["2026-03-02", 2, 0, 0, 0, false],
      ["2026-03-09", 1, 1, 0, -1, false],
      ["2026-03-16", 0, 1, 1, -1, false],
      ["2026-03-23", 1, 1, 0, -1, true],
    ]);
    expect(result.intervals.map((row) => row.active)).toEqual([2, 2, 2, 2]);
    expect(result.intervals.at(-1)!.end).toBe("2026-03-29");
    expectIdentities(result);
  });

  it("uses history before the window: a user first seen earlier is resurrecting, not new", async () => {
    // 2 weeks: W3 and W4 only. u2 (first seen W1, idle W2) is resurrecting in W3; u1 (active W2) is dormant in W3.
    const result = await getLifecycle(database.db, "utc", query({ periods: "2", asOf: "2026-03-26T00:00:00Z" }));
    expect(table(result)).toEqual([
      ["2026-03-16", 0, 1, 1, -1, false],
      ["2026-03-23", 1, 1, 0, -1, true],
    ]);
  });

  it("counts only the chosen event as activity", async () => {
    // Activity = "search": only u2 on 03-18 (W3) → new W3, dormant W4.
    const result = await getLifecycle(database.db, "utc", query({ periods: "4", event: "search", asOf: "2026-03-26T00:00:00Z" }));
    expect(result.activityEvent).toBe("search");
    expect(table(result)).toEqual([
      ["2026-03-16", 1, 0, 0, 0, false],
      ["2026-03-23", 0, 0, 0, -1, true],
    ]);
    // Without an as-of, the dataset's last event of any name sets it (u5's login at 03-26T00:00Z → end of local day 03-26),
    // not the last "search" (03-18): u2 stays dormant in W4 rather than the chart ending in W3.
    const current = await getLifecycle(database.db, "utc", query({ periods: "4", event: "search" }));
    expect(current.asOf).toBe("2026-03-27T00:00:00.000Z");
    expect(table(current)).toEqual(table(result));
  });

  it("counts days across midnight boundaries: u1 new on 03-08, returning on 03-09 (as-of day, complete)", async () => {
    // Days 03-07 … 03-09 (as-of 03-10T00:00Z): 03-07 has no activity at all and is dropped; u2 (03-03) went dormant on 03-04, outside.
    const result = await getLifecycle(database.db, "utc", query({ interval: "day", periods: "3", asOf: "2026-03-10T00:00:00Z" }));
    expect(table(result)).toEqual([
      ["2026-03-08", 1, 0, 0, 0, false],
      ["2026-03-09", 0, 1, 0, 0, false],
    ]);
  });

  it("buckets days in a UTC+8 dataset timezone (Asia/Shanghai)", async () => {
    const result = await getLifecycle(database.db, "shanghai", query({ interval: "day", periods: "3", asOf: "2026-03-03T16:00:00Z" }));
    expect(result.asOfDay).toBe("2026-03-03");
    expect(table(result)).toEqual([
      ["2026-03-01", 1, 0, 0, 0, false],
      ["2026-03-02", 1, 0, 0, -1, false],
      ["2026-03-03", 0, 1, 0, 0, false],
    ]);
    expectIdentities(result);
  });

  it("buckets Monday-start weeks in a UTC−5 dataset timezone (America/Bogota)", async () => {
    const result = await getLifecycle(database.db, "bogota", query({ periods: "4", asOf: "2026-03-23T05:00:00Z" }));
    expect(result.asOfDay).toBe("2026-03-22");
    expect(table(result)).toEqual([
      ["2026-02-23", 1, 0, 0, 0, false],
      ["2026-03-02", 1, 1, 0, 0, false],
      ["2026-03-09", 0, 0, 0, -2, false],
      ["2026-03-16", 0, 0, 1, 0, false],
    ]);
    expectIdentities(result);
  });

  it("handles the 23-hour DST change day in America/New_York, with the default as-of", async () => {
    const result = await getLifecycle(database.db, "new_york", query({ interval: "day", periods: "3" }));
    expect(result.asOf).toBe("2026-03-10T04:00:00.000Z");
    expect(table(result)).toEqual([
      ["2026-03-07", 1, 0, 0, 0, false],
      ["2026-03-08", 1, 0, 0, -1, false],
      ["2026-03-09", 0, 1, 1, 0, false],
    ]);
    expectIdentities(result);
  });

  it("uses purchases as activity for transaction datasets unless another event is chosen", async () => {
    const purchases = await getLifecycle(database.db, "shop", query({ interval: "month", periods: "3", asOf: "2026-04-01T00:00:00Z" }));
    expect(purchases.activityEvent).toBe("purchase");
    expect(purchases.definition).toContain("transaction dataset");
    expect(table(purchases)).toEqual([
      ["2026-01-01", 1, 0, 0, 0, false],
      ["2026-02-01", 1, 0, 0, -1, false],
      ["2026-03-01", 0, 0, 1, -1, false],
    ]);
    const views = await getLifecycle(database.db, "shop", query({ interval: "month", periods: "3", event: "page_view", asOf: "2026-04-01T00:00:00Z" }));
    expect(table(views)).toEqual([
      ["2026-01-01", 1, 0, 0, 0, false],
      ["2026-02-01", 1, 0, 0, -1, false],
      ["2026-03-01", 0, 0, 0, -1, false],
    ]);
  });

  it("agrees with a brute-force count on generated data", async () => {
    // 60 users over 12 weeks from a fixed LCG; lifecycle recomputed in TypeScript from each user's set of active weeks.
    let state = 42;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const events: [string, string, string][] = [];
    const weeksOf = new Map<string, Set<number>>();
    for (let user = 0; user < 60; user++) {
      for (let week = 0; week < 12; week++) {
        if (random() < 0.35) {
          const day = Math.floor(random() * 7);
          events.push([`g${user}`, "login", new Date(Date.UTC(2026, 0, 5 + week * 7 + day, 12)).toISOString()]); // 2026-01-05 is a Monday
          if (!weeksOf.has(`g${user}`)) weeksOf.set(`g${user}`, new Set());
          weeksOf.get(`g${user}`)!.add(week);
        }
      }
    }
    await seedActivityDataset(database.db, "generated", "UTC", events);
    // As-of 2026-03-30 (Mon of week 12) → weeks 0 … 11 complete; 8 periods = weeks 4 … 11.
    const result = await getLifecycle(database.db, "generated", query({ periods: "8", asOf: "2026-03-30T00:00:00Z" }));
    const expected = Array.from({ length: 8 }, (_, index) => {
      const week = index + 4;
      const counts = { new: 0, returning: 0, resurrecting: 0, dormant: 0 };
      for (const weeks of weeksOf.values()) {
        const first = Math.min(...weeks);
        if (weeks.has(week)) {
          if (first === week) counts.new++;
          else if (weeks.has(week - 1)) counts.returning++;
          else counts.resurrecting++;
        } else if (weeks.has(week - 1)) counts.dormant--;
      }
      return [new Date(Date.UTC(2026, 0, 5 + week * 7)).toISOString().slice(0, 10), counts.new, counts.returning, counts.resurrecting, counts.dormant, false];
    });
    expect(table(result)).toEqual(expected);
    expectIdentities(result);
  });

  it("returns no intervals for a dataset without events and 404s an unknown dataset", async () => {
    const result = await getLifecycle(database.db, "empty", query({}));
    expect(result.intervals).toEqual([]);
    expect(result.asOf).toBeNull();
    await expect(getLifecycle(database.db, "nope", query({}))).rejects.toBeInstanceOf(NotFoundError);
  });
});
