import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { clearAnalysisCache } from "../analytics/result-cache";
import { queryRetentionCounts } from "../retention/retention-matrix";
import { syncActivityRollup } from "./activity-rollup";
import { retentionCountsFromActivity } from "./activity-retention";
import { epochDay, getActivityStore, lastActiveDay } from "./activity-store";

/** A seeded pseudo-random sequence (mulberry32): the same "random" events on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const START = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

async function seedRandom(db: TestDatabase["db"], name: string, timezone: string, seed: number): Promise<number> {
  const [dataset] = await db.query<{ id: number }>(`INSERT INTO datasets (name, timezone) VALUES ($1, $2) RETURNING id`, [name, timezone]);
  const next = random(seed);
  const users: string[] = [];
  const events: string[] = [];
  const stamps: string[] = [];
  for (let user = 0; user < 120; user++) {
    let t = START + Math.floor(next() * 100 * 24) * HOUR;
    const count = 1 + Math.floor(next() * 12);
    for (let k = 0; k < count && t < START + 150 * 24 * HOUR; k++) {
      users.push(`u${user}`);
      events.push(next() < 0.3 ? "purchase" : "view");
      stamps.push(new Date(t).toISOString());
      t += Math.floor(next() * 20 * 24) * HOUR + Math.floor(next() * 60) * 60_000;
    }
  }
  await db.query(
    `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id)
     SELECT $1, 'i:' || n, u, e, t::timestamptz, 1 FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(u, e, t, n)`,
    [dataset!.id, users, events, stamps],
  );
  return dataset!.id;
}

// The typed-array path must give exactly the SQL reference's counts, whatever the zone, units and activity.
describe.each(testEngines())("retention from the activity rollup equals the SQL over events ($name)", (engine) => {
  let database: TestDatabase;
  const zones = ["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati"];
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await engine.open();
    clearAnalysisCache();
    for (const [index, zone] of zones.entries()) ids.set(zone, await seedRandom(database.db, `random-${index}`, zone, 11 + index));
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
    const [job] = await db.query<{ id: number }>(
      `INSERT INTO ingest_jobs (dataset_id, file_name, fingerprint, format, accepted) VALUES ($1, 'late.csv', 'f', 'csv', 1) RETURNING id`,
      [datasetId],
    );
    await db.query(`INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, job_id) VALUES ($1, 'i:late', 'late-user', 'view', '2026-06-01T23:30:00Z', $2)`, [
      datasetId,
      job!.id,
    ]);
    expect(await syncActivityRollup(db, datasetId)).toMatchObject({ jobs: 1, rebuilt: false });
    expect(await syncActivityRollup(db, datasetId)).toMatchObject({ jobs: 0, rebuilt: false });
    const store = await getActivityStore(db, datasetId);
    expect(lastActiveDay(store, false)).toBe(epochDay("2026-06-01"));

    // In Shanghai (UTC+8) the same event is on June 2nd.
    await db.query(`UPDATE datasets SET timezone = 'Asia/Shanghai' WHERE id = $1`, [datasetId]);
    expect(await syncActivityRollup(db, datasetId)).toMatchObject({ rebuilt: true });
    const [day] = await db.query<{ day: string }>(`SELECT day::text FROM activity_days WHERE dataset_id = $1 AND user_id = 'late-user'`, [datasetId]);
    expect(day!.day).toBe("2026-06-02");
  });
});
