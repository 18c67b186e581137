import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { NotFoundError } from "../http/not-found-error";
import { getRetentionMatrix } from "./retention-matrix";
import { retentionQuerySchema, type RetentionMatrix } from "./retention.types";

type Event = readonly [user: string, event: string, ts: string];

async function seed(db: Db, name: string, timezone: string, events: readonly Event[], kind = "events"): Promise<void> {
  const [dataset] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone, kind) VALUES ($1, $2, $3) RETURNING id`, [name, timezone, kind]);
  for (const [index, [user, event, ts]] of events.entries()) {
    await db.query(`INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, $2, $3, $4, $5, 1)`, [
      dataset!.id,
      `i:${index}`,
      user,
      event,
      ts,
    ]);
  }
}

const users = (matrix: RetentionMatrix) => matrix.cohorts.map((cohort) => [cohort.start, cohort.size, cohort.cells.map((cell) => cell.users)]);
const query = (params: Record<string, string>) => retentionQuerySchema.parse(params);

describe.each(testEngines())("retention matrix on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    const db = database.db;
    // UTC, as-of 2026-03-05T00:00Z (as-of day 03-04):
    //   u1 23:59:59 on 03-02 and 00:00:00 on 03-03 → days 0 and 1 (the boundary instant is the next day)
    //   u2 03-02 noon and 03-04T00:00Z → days 0 and 2
    //   u3 03-02 and 03-06 (after as-of: ignored) → day 0 only
    //   u4 only at 03-05T00:00Z = as-of (exclusive bound) → not a user at all
    // Cohort 03-02: size 3; n-period 3,1,1 then day 3 (03-05) future; unbounded 3, 2 (u1,u2), 1 (u2).
    // Cohorts 03-03 and 03-04 exist with size 0.
    await seed(db, "utc", "UTC", [
      ["u1", "login", "2026-03-02T23:59:59Z"],
      ["u1", "login", "2026-03-03T00:00:00Z"],
      ["u2", "login", "2026-03-02T12:00:00Z"],
      ["u2", "login", "2026-03-04T00:00:00Z"],
      ["u3", "login", "2026-03-02T10:00:00Z"],
      ["u3", "login", "2026-03-06T00:00:00Z"],
      ["u4", "login", "2026-03-05T00:00:00Z"],
    ]);
    // Asia/Shanghai (UTC+8), as-of 2026-03-03T16:00Z = local 03-04 00:00 (as-of day 03-03):
    //   u1 2026-03-01T17:30Z = local 03-02 01:30 → cohort 03-02 (UTC bucketing would say 03-01)
    //   u1 2026-03-02T15:59Z = local 03-02 23:59 → day 0 again; 2026-03-02T16:00Z = local 03-03 00:00 → day 1
    //   u2 2026-03-01T15:00Z = local 03-01 23:00 → cohort 03-01, nothing after
    await seed(db, "shanghai", "Asia/Shanghai", [
      ["u1", "login", "2026-03-01T17:30:00Z"],
      ["u1", "login", "2026-03-02T15:59:00Z"],
      ["u1", "login", "2026-03-02T16:00:00Z"],
      ["u2", "login", "2026-03-01T15:00:00Z"],
    ]);
    // America/Bogota (UTC−5, no DST), ISO weeks, as-of 2026-03-23T05:00Z = local Mon 03-23 00:00 (as-of day Sun 03-22):
    //   u1 2026-03-02T04:59Z = local Sun 03-01 23:59 → week 02-23; 2026-03-02T05:00Z = local Mon 03-02 00:00 → week 1
    //   u2 2026-03-09T04:00Z = local Sun 03-08 23:00 → week 03-02; 2026-03-16T05:30Z = local Mon 03-16 → week 2
    // Week 02-23: 1,1,0,0 then week 4 (03-23) future. Week 03-02: 1,0,1 then week 3 future. 03-09, 03-16 empty.
    await seed(db, "bogota", "America/Bogota", [
      ["u1", "login", "2026-03-02T04:59:00Z"],
      ["u1", "login", "2026-03-02T05:00:00Z"],
      ["u2", "login", "2026-03-09T04:00:00Z"],
      ["u2", "login", "2026-03-16T05:30:00Z"],
    ]);
    // America/New_York, DST starts Sun 2026-03-08 02:00 (EST −5 → EDT −4): local 03-08 lasts 23 hours,
    // 05:00Z..04:00Z next day.
    //   u1 2026-03-08T05:00Z = local 03-08 00:00 EST; 2026-03-09T03:59Z = local 03-08 23:59 EDT (same day);
    //      2026-03-09T04:00Z = local 03-09 00:00 EDT → day 1 (a fixed −5 offset would say 03-08 23:00)
    //   u2 2026-03-08T04:59Z = local 03-07 23:59 EST → cohort 03-07; 2026-03-09T04:30Z = local 03-09 00:30 → day 2
    // Default as-of = end of the last event's local day 03-09 = 2026-03-10T04:00Z (EDT midnight).
    // Cohort 03-07: 1,0,1, day 3 (03-10) future. Cohort 03-08: 1,1, day 2 future.
    await seed(db, "new_york", "America/New_York", [
      ["u1", "login", "2026-03-08T05:00:00Z"],
      ["u1", "login", "2026-03-09T03:59:00Z"],
      ["u1", "login", "2026-03-09T04:00:00Z"],
      ["u2", "login", "2026-03-08T04:59:00Z"],
      ["u2", "login", "2026-03-09T04:30:00Z"],
    ]);
    // Transactions (CDNOW-like), UTC months, as-of 2026-04-01T00:00Z: only purchases count (repeat purchase).
    //   u1 purchases 01-15 and 03-01, page_view 02-10 (ignored) → month 0 and 2
    //   u2 page_view only → not a customer, absent
    //   u3 purchase 2026-02-28T23:59:59Z → cohort February
    // January: 1,0,1, month 3 (April) future. February: 1,0, month 2 (April) future. March: empty.
    await seed(
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
    await seed(db, "empty", "UTC", []);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts a user on a day boundary, ignores events at or after as-of, zero-fills empty cohorts", async () => {
    const params = { cohort: "day", period: "day", periods: "3", asOf: "2026-03-05T00:00:00Z" };
    const bracket = await getRetentionMatrix(database.db, "utc", query(params));
    expect(bracket.asOfDay).toBe("2026-03-04");
    expect(users(bracket)).toEqual([
      ["2026-03-02", 3, [3, 1, 1, null]],
      ["2026-03-03", 0, [0, 0, null, null]],
      ["2026-03-04", 0, [0, null, null, null]],
    ]);
    expect(bracket.cohorts[0]!.cells[1]!.percent).toBeCloseTo(100 / 3, 10);
    expect(bracket.cohorts[1]!.cells[0]!.percent).toBeNull(); // 0/0
    const unbounded = await getRetentionMatrix(database.db, "utc", query({ ...params, mode: "unbounded" }));
    expect(users(unbounded)[0]).toEqual(["2026-03-02", 3, [3, 2, 1, null]]);
    unbounded.cohorts.forEach((cohort, c) =>
      cohort.cells.forEach((cell, n) => expect(cell.users ?? 0).toBeGreaterThanOrEqual(bracket.cohorts[c]!.cells[n]!.users ?? 0)),
    );
  });

  it("buckets days in a UTC+8 dataset timezone (Asia/Shanghai)", async () => {
    const matrix = await getRetentionMatrix(database.db, "shanghai", query({ cohort: "day", period: "day", periods: "2", asOf: "2026-03-03T16:00:00Z" }));
    expect(matrix.asOfDay).toBe("2026-03-03");
    expect(users(matrix)).toEqual([
      ["2026-03-01", 1, [1, 0, 0]],
      ["2026-03-02", 1, [1, 1, null]],
      ["2026-03-03", 0, [0, null, null]],
    ]);
    expect(matrix.cohorts[1]!.cells[0]!.percent).toBe(100);
  });

  it("buckets Monday-start weeks in a UTC−5 dataset timezone (America/Bogota)", async () => {
    const matrix = await getRetentionMatrix(database.db, "bogota", query({ cohort: "week", period: "week", periods: "4", asOf: "2026-03-23T05:00:00Z" }));
    expect(matrix.asOfDay).toBe("2026-03-22");
    expect(users(matrix)).toEqual([
      ["2026-02-23", 1, [1, 1, 0, 0, null]],
      ["2026-03-02", 1, [1, 0, 1, null, null]],
      ["2026-03-09", 0, [0, 0, null, null, null]],
      ["2026-03-16", 0, [0, null, null, null, null]],
    ]);
    expect(matrix.cohorts[0]!.cells.map((cell) => cell.state)).toEqual(["complete", "complete", "complete", "complete", "future"]);
  });

  it("handles the 23-hour DST change day in America/New_York, with the default as-of", async () => {
    const matrix = await getRetentionMatrix(database.db, "new_york", query({ cohort: "day", period: "day", periods: "3" }));
    expect(matrix.asOf).toBe("2026-03-10T04:00:00.000Z");
    expect(matrix.asOfDay).toBe("2026-03-09");
    expect(users(matrix)).toEqual([
      ["2026-03-07", 1, [1, 0, 1, null]],
      ["2026-03-08", 1, [1, 1, null, null]],
      ["2026-03-09", 0, [0, null, null, null]],
    ]);
  });

  it("uses purchases only for transaction datasets (repeat purchase)", async () => {
    const matrix = await getRetentionMatrix(database.db, "shop", query({ cohort: "month", period: "month", periods: "3", asOf: "2026-04-01T00:00:00Z" }));
    expect(users(matrix)).toEqual([
      ["2026-01-01", 1, [1, 0, 1, null]],
      ["2026-02-01", 1, [1, 0, null, null]],
      ["2026-03-01", 0, [0, null, null, null]],
    ]);
    expect(matrix.definition).toContain("repeat purchase");
    const unbounded = await getRetentionMatrix(database.db, "shop", query({ cohort: "month", period: "month", periods: "3", mode: "unbounded", asOf: "2026-04-01T00:00:00Z" }));
    expect(users(unbounded)[0]).toEqual(["2026-01-01", 1, [1, 1, 1, null]]);
  });

  it("returns an empty matrix for a dataset without events and 404s an unknown dataset", async () => {
    const matrix = await getRetentionMatrix(database.db, "empty", query({}));
    expect(matrix.cohorts).toEqual([]);
    expect(matrix.asOf).toBeNull();
    await expect(getRetentionMatrix(database.db, "nope", query({}))).rejects.toBeInstanceOf(NotFoundError);
  });
});
