import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { refreshFeatures } from "../features/refresh-features";
import { NotFoundError } from "../http/not-found-error";
import { saveDefinition } from "../segments/segment-definitions";
import { SegmentsRequestError } from "../segments/segment-errors";
import { listSnapshots } from "./list-snapshots";
import { snapshotDefinitionFixture } from "./snapshot-fixtures";
import { periodEnds, takeSnapshots } from "./take-snapshots";
import { getTransitionMatrix } from "./transition-matrix";
import type { SnapshotProgress } from "./snapshot.types";

/*
 * Dataset "moves" in America/New_York (EST, UTC−5 in Jan–Feb), events "login".
 * Definition "Recency" (behavior rules): Active = recency < 14 days, Lapsing = recency < 45, else Lost.
 * Month ends: 2026-02-01 00:00 EST = 05:00Z (as-of day 01-31) and 2026-03-01 00:00 EST = 05:00Z (as-of day 02-28);
 * the last event (03-10) makes the as-of 2026-03-11 00:00 EST, so March has not ended: two snapshots.
 *
 *   user  events (UTC)                               at 01-31 (recency)     at 02-28 (recency)
 *   u1    01-05, 01-25, 02-20, 03-10 noon            Active (31−25 = 6)     Active (28−20 = 8)
 *   u2    01-10                                      Lapsing (21)           Lost (49)
 *   u3    01-28                                      Active (3)             Lapsing (31)
 *   u4    02-10                                      not yet seen           Lapsing (18)
 *   u5    02-25                                      not yet seen           Active (3)
 *   u6    02-01 03:00Z = 01-31 22:00 EST             Active (0; UTC: absent) Lapsing (28)
 *   u7    01-02 noon, 03-01 04:30Z = 02-28 23:30 EST Lapsing (29)           Active (0; UTC: 03-01, excluded)
 *
 * 01-31: Active 3 (u1 u3 u6), Lapsing 2 (u2 u7), Lost 0 → 5 users. 02-28: Active 3 (u1 u5 u7), Lapsing 3 (u3 u4 u6), Lost 1 (u2) → 7.
 * Matrix (rows at 01-31, columns at 02-28; Active, Lapsing, Lost, Gone):
 *   Active        1 2 0 0      (u1 stays; u3, u6 lapse)
 *   Lapsing       1 0 1 0      (u7 back; u2 lost)
 *   Lost          0 0 0 0
 *   Not yet seen  1 1 0 0      (u5 Active, u4 Lapsing)
 * Today's features (as of 03-11): u1 recency 0, u2 59, …; they must not change when the past snapshots are taken.
 */
const EVENTS: readonly (readonly [string, string])[] = [
  ["u1", "2026-01-05T12:00:00Z"],
  ["u1", "2026-01-25T12:00:00Z"],
  ["u1", "2026-02-20T12:00:00Z"],
  ["u1", "2026-03-10T12:00:00Z"],
  ["u2", "2026-01-10T12:00:00Z"],
  ["u3", "2026-01-28T12:00:00Z"],
  ["u4", "2026-02-10T12:00:00Z"],
  ["u5", "2026-02-25T12:00:00Z"],
  ["u6", "2026-02-01T03:00:00Z"],
  ["u7", "2026-01-02T12:00:00Z"],
  ["u7", "2026-03-01T04:30:00Z"],
];

async function seed(db: Db): Promise<void> {
  const [dataset] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone) VALUES ('moves', 'America/New_York') RETURNING id`);
  for (const [index, [user, ts]] of EVENTS.entries()) {
    await db.query(`INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, $2, $3, 'login', $4, 1)`, [dataset!.id, `k${index}`, user, ts]);
  }
  await refreshFeatures(db, dataset!.id);
  await saveDefinition(db, "moves", snapshotDefinitionFixture());
}

async function members(db: Db, snapshotId: number): Promise<Record<string, string>> {
  const rows = await db.query<{ user_id: string; name: string }>(
    `SELECT m.user_id, s.segments[m.segment + 1] AS name FROM segment_snapshot_members m JOIN segment_snapshots s ON s.id = m.snapshot_id
     WHERE m.snapshot_id = $1 ORDER BY m.user_id`,
    [snapshotId],
  );
  return Object.fromEntries(rows.map((row) => [row.user_id, row.name]));
}

const currentState = (db: Db) =>
  Promise.all([
    db.query(`SELECT * FROM user_features ORDER BY user_id`),
    db.query(`SELECT * FROM user_profiles ORDER BY user_id`),
    db.query(`SELECT id, as_of, users FROM feature_refreshes ORDER BY id`),
  ]);

describe.each(testEngines())("segment snapshots and transitions on $name", (engine) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
    await seed(db);
  });
  afterAll(() => database.close());

  it("finds the local month and ISO week ends between the first event and the as-of", async () => {
    const dataset = { id: (await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'moves'`))[0]!.id, name: "moves", timezone: "America/New_York" };
    const months = await periodEnds(db, dataset, "month");
    expect(months.map((end) => [end.asOf.toISOString(), end.asOfDay])).toEqual([
      ["2026-02-01T05:00:00.000Z", "2026-01-31"],
      ["2026-03-01T05:00:00.000Z", "2026-02-28"],
    ]);
    // First event Fri 01-02 local → its week starts Mon 12-29; ends are Mondays 00:00 EST from 01-05 to 03-09
    // (03-16 is after the as-of 03-11 00:00): 10 ends. DST starts 03-08, so 03-09 00:00 is EDT = 04:00Z.
    const weeks = await periodEnds(db, dataset, "week");
    expect(weeks).toHaveLength(10);
    expect(weeks[0]).toEqual({ asOf: new Date("2026-01-05T05:00:00Z"), asOfDay: "2026-01-04" });
    expect(weeks.at(-1)).toEqual({ asOf: new Date("2026-03-09T04:00:00Z"), asOfDay: "2026-03-08" });
  });

  it("stores each user's segment as of each month end, leaving today's features as they were", async () => {
    const before = await currentState(db);
    const progress: SnapshotProgress[] = [];
    const result = await takeSnapshots(db, "moves", { definition: "Recency", period: "month" }, (line) => progress.push(line));

    expect(result).toMatchObject({ definitionName: "Recency", modelId: "behavior-rules", definitionVersion: 1, taken: 2, alreadyTaken: 0 });
    expect(result.snapshots.map((snapshot) => [snapshot.asOfDay, snapshot.users, snapshot.status])).toEqual([
      ["2026-01-31", 5, "taken"],
      ["2026-02-28", 7, "taken"],
    ]);
    expect(result.snapshots[0]!.segments).toEqual(["Active", "Lapsing", "Lost"]);
    expect(progress.map((line) => [line.done, line.total, line.asOfDay])).toEqual([
      [1, 2, "2026-01-31"],
      [2, 2, "2026-02-28"],
    ]);
    expect(await members(db, result.snapshots[0]!.id)).toEqual({ u1: "Active", u2: "Lapsing", u3: "Active", u6: "Active", u7: "Lapsing" });
    expect(await members(db, result.snapshots[1]!.id)).toEqual({
      u1: "Active",
      u2: "Lost",
      u3: "Lapsing",
      u4: "Lapsing",
      u5: "Active",
      u6: "Lapsing",
      u7: "Active",
    });
    // Features, profiles and the refresh log are exactly as before: the past was computed in a temp table.
    expect(await currentState(db)).toEqual(before);
    const [u2] = await db.query<{ recency_days: number }>(`SELECT recency_days FROM user_features WHERE user_id = 'u2'`);
    expect(u2!.recency_days).toBe(59); // as-of day 03-10 − 01-10
  });

  it("keeps existing snapshots when run again, and snapshots are immutable", async () => {
    const first = await listSnapshots(db, "moves", { definition: "Recency" });
    const again = await takeSnapshots(db, "moves", { definition: "Recency", period: "month" });
    expect(again).toMatchObject({ taken: 0, alreadyTaken: 2 });
    expect(again.snapshots.map((snapshot) => snapshot.id)).toEqual(first.snapshots.map((snapshot) => snapshot.id));
    expect(again.snapshots.map((snapshot) => snapshot.status)).toEqual(["already taken", "already taken"]);
    const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM segment_snapshot_members`);
    expect(count!.n).toBe(12); // 5 + 7
    await expect(db.query(`UPDATE segment_snapshot_members SET segment = 2`)).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE segment_snapshots SET user_count = 0`)).rejects.toThrow(/immutable/);
  });

  it("takes only the period ends inside from..to", async () => {
    const weekly = await takeSnapshots(db, "moves", { definition: "Recency", period: "week", from: "2026-02-01", to: "2026-02-15" });
    // Week ends (as-of days) 02-01, 02-08 and 02-15. u1 at 02-15: last event 01-25 → recency 21 → Lapsing.
    expect(weekly.snapshots.map((snapshot) => [snapshot.asOfDay, snapshot.period, snapshot.users])).toEqual([
      ["2026-02-01", "week", 5],
      ["2026-02-08", "week", 5],
      ["2026-02-15", "week", 6],
    ]);
    expect((await members(db, weekly.snapshots[2]!.id)).u1).toBe("Lapsing");
  });

  it("counts the transitions between two month ends as worked out by hand", async () => {
    const matrix = await getTransitionMatrix(db, "moves", { definition: "Recency", from: "2026-01-31", to: "2026-02-28" });
    expect(matrix.rows).toEqual(["Active", "Lapsing", "Lost", "Not yet seen"]);
    expect(matrix.columns).toEqual(["Active", "Lapsing", "Lost", "Gone"]);
    expect(matrix.counts).toEqual([
      [1, 2, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
      [1, 1, 0, 0],
    ]);
    expect(matrix.rowTotals).toEqual([3, 2, 0, 2]);
    expect(matrix.columnTotals).toEqual([3, 3, 1, 0]);
    expect(matrix.total).toBe(7);
    expect(matrix.from).toMatchObject({ asOfDay: "2026-01-31", users: 5 });
    expect(matrix.to).toMatchObject({ asOfDay: "2026-02-28", users: 7 });
    expect(matrix.changes.map((change) => change.summary)).toEqual([
      "Active held steady at 3: 1 from Lapsing, 1 new; lost 2 to Lapsing.",
      "Lapsing grew 50% (2 → 3): 2 from Active, 1 new; lost 1 to Active, 1 to Lost.",
      "Lost appeared with 1 user: 1 from Lapsing.",
    ]);
    // Without dates: the two latest snapshots of the version (the weekly 02-15 and the monthly 02-28).
    const latest = await getTransitionMatrix(db, "moves", { definition: "Recency" });
    expect([latest.from.asOfDay, latest.to.asOfDay]).toEqual(["2026-02-15", "2026-02-28"]);
  });

  it("explains a missing snapshot, a reversed range and a definition without snapshots", async () => {
    await expect(getTransitionMatrix(db, "moves", { definition: "Recency", from: "2026-01-30", to: "2026-02-28" })).rejects.toThrow(NotFoundError);
    await expect(getTransitionMatrix(db, "moves", { definition: "Recency", from: "2026-02-28", to: "2026-01-31" })).rejects.toThrow(SegmentsRequestError);
    await expect(getTransitionMatrix(db, "moves", { definition: "Recency", version: 2 })).rejects.toThrow(/no snapshots of version 2/);
    await expect(takeSnapshots(db, "moves", { definition: "Nope" })).rejects.toThrow(/no saved segment definition named "Nope"/);
  });
});
