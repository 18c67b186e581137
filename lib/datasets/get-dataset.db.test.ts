import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { getDatasetByName } from "./get-dataset";
import { insertDataset, insertEvents, insertFeatures, insertJob } from "./test-rows";

describe.each(testEngines())("getDatasetByName on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("returns null for an unknown name", async () => {
    expect(await getDatasetByName(database.db, "nope")).toBeNull();
  });

  it("returns settings, sizes and the feature refresh time", async () => {
    const { db } = database;
    const id = await insertDataset(db, "saas", "America/New_York");
    await db.query(
      `UPDATE datasets SET session_timeout_minutes = 45, conversion_event = 'subscribe', core_features = ARRAY['report','export'] WHERE id = $1`,
      [id],
    );
    await insertDataset(db, "saas-copy");
    // 4 events by 3 users; features computed for 2 of them.
    await insertEvents(db, id, 1, [
      { userId: "a", ts: "2026-03-01T00:00:00Z" },
      { userId: "a", ts: "2026-03-02T00:00:00Z" },
      { userId: "b", ts: "2026-03-01T00:00:00Z" },
      { userId: "c", ts: "2026-03-01T00:00:00Z" },
    ]);
    await insertFeatures(db, id, "a", "2026-03-10T00:00:00Z", { frequency: 2, monetary: 0 });
    await insertFeatures(db, id, "b", "2026-03-10T00:00:00Z", { frequency: 5, monetary: 10 });

    const detail = await getDatasetByName(db, "saas");
    expect(detail).toMatchObject({
      id,
      name: "saas",
      timezone: "America/New_York",
      sessionTimeoutMinutes: 45,
      conversionEvent: "subscribe",
      signupEvent: null,
      coreFeatures: ["report", "export"],
      dimensions: [],
      users: 3,
      events: 4,
      usersWithFeatures: 2,
      featuresAsOf: "2026-03-10T00:00:00.000Z",
      lastRefresh: null,
      featuresStale: false,
    });
    expect((await getDatasetByName(db, "saas-copy"))?.featuresAsOf).toBeNull();
  });

  it("marks features stale when a job stored events after the last refresh", async () => {
    const { db } = database;
    const id = await insertDataset(db, "fresh");
    const first = await insertJob(db, id, { fileName: "a.csv", startedAt: "2026-04-01T00:00:00Z", finishedAt: "2026-04-01T00:01:00Z", accepted: 5 });
    expect((await getDatasetByName(db, "fresh"))?.featuresStale).toBe(true);

    await db.query(
      `INSERT INTO feature_refreshes (dataset_id, mode, as_of, last_job_id, users, duration_ms, finished_at) VALUES ($1, 'full', $2, $3, 12, 40, $4)`,
      [id, "2026-04-01T00:00:00Z", first, "2026-04-01T00:02:00Z"],
    );
    expect(await getDatasetByName(db, "fresh")).toMatchObject({
      featuresStale: false,
      lastRefresh: { mode: "full", asOf: "2026-04-01T00:00:00.000Z", finishedAt: "2026-04-01T00:02:00.000Z", users: 12, lastJobId: first },
    });

    // A job that stored nothing (refused file) changes nothing; one that failed after
    // committing some batches does.
    await insertJob(db, id, { fileName: "b.csv", startedAt: "2026-04-02T00:00:00Z", status: "failed", accepted: 0 });
    expect((await getDatasetByName(db, "fresh"))?.featuresStale).toBe(false);
    await insertJob(db, id, { fileName: "c.csv", startedAt: "2026-04-03T00:00:00Z", status: "failed", accepted: 50_000 });
    expect((await getDatasetByName(db, "fresh"))?.featuresStale).toBe(true);
  });
});
