import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { clearAnalysisCache } from "../analytics/result-cache";
import { queryRetentionCounts } from "../retention/retention-matrix";
import { syncActivityRollup } from "./activity-rollup";
import { retentionCountsFromActivity } from "./activity-retention";
import { epochDay, getActivityStore, isoDate, lastActiveDay } from "./activity-store";
import { seedRandomActivity } from "./activity-fixtures";

/** The in-memory store (read from activity_users) holds exactly the activity_days rows, user by user. */
async function expectStoreEqualsRollup(db: Db, datasetId: number): Promise<void> {
  const rows = await db.query<{ user_id: string; day: string; purchased: boolean }>(
    `SELECT user_id, day::text AS day, purchased FROM activity_days WHERE dataset_id = $1`,
    [datasetId],
  );
  const store = await getActivityStore(db, datasetId);
  const fromStore = store.userIds.flatMap((userId, user) =>
    Array.from({ length: store.userStart[user + 1]! - store.userStart[user]! }, (_, k) => {
      const at = store.userStart[user]! + k;
      return { user_id: userId, day: isoDate(store.days[at]!), purchased: store.purchased[at] === 1 };
    }),
  );
  const byUserAndDay = (a: { user_id: string; day: string }, b: { user_id: string; day: string }) =>
    a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  expect(fromStore.sort(byUserAndDay)).toEqual([...rows].sort(byUserAndDay));
}

// The typed-array path must give exactly the SQL reference's counts, whatever the zone, units and activity.
describe.each(testEngines())("retention from the activity rollup equals the SQL over events ($name)", (engine) => {
  let database: TestDatabase;
  const zones = ["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati"];
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await engine.open();
    clearAnalysisCache();
    for (const [index, zone] of zones.entries()) ids.set(zone, await seedRandomActivity(database.db, `random-${index}`, zone, 11 + index));
  });
  afterAll(() => database.close());

  it.each(zones)("in %s for every cohort and period unit, with and without purchases only", async (zone) => {
    const datasetId = ids.get(zone)!;
    const store = await getActivityStore(database.db, datasetId);
    const asOfDay = "2026-04-20";
    // Local midnight ending the as-of day, as the matrix uses.
    const [row] = await database.db.query<{ as_of: Date }>(`SELECT ('2026-04-21'::timestamp AT TIME ZONE $1) AS as_of`, [zone]);
    let compared = 0;
    for (const cohort of ["day", "week", "month"] as const) {
      for (const period of ["day", "week", "month"] as const) {
        for (const purchasesOnly of [false, true]) {
          const reference = await queryRetentionCounts(database.db, {
            datasetId,
            timezone: zone,
            asOf: new Date(row!.as_of),
            activityEvent: purchasesOnly ? "purchase" : null,
            cohort,
            period,
            maxPeriod: 10,
          });
          const fast = retentionCountsFromActivity(store, { lastDay: epochDay(asOfDay), purchasesOnly, cohort, period, maxPeriod: 10 });
          expect(fast).toEqual(reference.rows);
          compared += reference.rows.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("rolls up only what is new, and everything again after a timezone change", async () => {
    const { db } = database;
    const datasetId = ids.get("UTC")!;
    const before = await getActivityStore(db, datasetId);
    const [job] = await db.query<{ id: number }>(
      `INSERT INTO ingest_jobs (dataset_id, file_name, fingerprint, format, accepted) VALUES ($1, 'late.csv', 'f', 'csv', 1) RETURNING id`,
      [datasetId],
    );
    // A new user, and a purchase on a new day by a user who was already active.
    const existing = before.userIds[0]!;
    await db.query(
      `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id)
       VALUES ($1, 'i:late', 'late-user', 'view', '2026-06-01T23:30:00Z', $2), ($1, 'i:late-buy', $3, 'purchase', '2026-05-30T12:00:00Z', $2)`,
      [datasetId, job!.id, existing],
    );
    expect(await syncActivityRollup(db, datasetId)).toMatchObject({ jobs: 1, rebuilt: false });
    expect(await syncActivityRollup(db, datasetId)).toMatchObject({ jobs: 0, rebuilt: false });
    clearAnalysisCache();
    const store = await getActivityStore(db, datasetId);
    expect(lastActiveDay(store, false)).toBe(epochDay("2026-06-01"));
    expect(store.userIds.length).toBe(before.userIds.length + 1);
    const user = store.userIds.indexOf(existing);
    const end = store.userStart[user + 1]! - 1;
    expect([store.days[end], store.purchased[end]]).toEqual([epochDay("2026-05-30"), 1]);
    expect(store.userStart[user + 1]! - store.userStart[user]!).toBe(before.userStart[1]! - before.userStart[0]! + 1);
    await expectStoreEqualsRollup(db, datasetId);

    // In Shanghai (UTC+8) the same event is on June 2nd.
    await db.query(`UPDATE datasets SET timezone = 'Asia/Shanghai' WHERE id = $1`, [datasetId]);
    expect(await syncActivityRollup(db, datasetId)).toMatchObject({ rebuilt: true });
    const [day] = await db.query<{ day: string }>(`SELECT day::text FROM activity_days WHERE dataset_id = $1 AND user_id = 'late-user'`, [datasetId]);
    expect(day!.day).toBe("2026-06-02");
    clearAnalysisCache();
    await expectStoreEqualsRollup(db, datasetId);
  });
});
