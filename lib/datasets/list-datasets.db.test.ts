import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { listDatasets } from "./list-datasets";
import { insertDataset, insertEvents, insertJob } from "./test-rows";

describe.each(testEngines())("listDatasets on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("returns an empty list before anything is loaded", async () => {
    expect(await listDatasets(database.db)).toEqual({ datasets: [] });
  });

  it("counts events and users per dataset and picks the newest job", async () => {
    const { db } = database;
    const shop = await insertDataset(db, "shop", "Europe/Berlin");
    const app = await insertDataset(db, "app");
    const older = await insertJob(db, shop, { fileName: "jan.csv", startedAt: "2026-01-01T10:00:00Z", finishedAt: "2026-01-01T10:00:05Z" });
    const newer = await insertJob(db, shop, { fileName: "feb.csv", startedAt: "2026-02-01T10:00:00Z", status: "running" });
    // shop: 3 events from job 1 + 2 from job 2 = 5 events by 2 users; app: nothing loaded.
    await insertEvents(db, shop, older, [
      { userId: "u1", ts: "2026-01-01T00:00:00Z" },
      { userId: "u1", ts: "2026-01-02T00:00:00Z" },
      { userId: "u2", ts: "2026-01-03T00:00:00Z" },
    ]);
    await insertEvents(db, shop, newer, [
      { userId: "u2", ts: "2026-02-01T00:00:00Z" },
      { userId: "u2", ts: "2026-02-02T00:00:00Z" },
    ]);

    const { datasets } = await listDatasets(db);
    expect(datasets.map((d) => d.name)).toEqual(["app", "shop"]);
    const [appSummary, shopSummary] = datasets;
    expect(appSummary).toMatchObject({ id: app, events: 0, users: 0, lastIngest: null, timezone: "UTC" });
    expect(shopSummary).toMatchObject({
      id: shop,
      timezone: "Europe/Berlin",
      events: 5,
      users: 2,
      lastIngest: { jobId: newer, fileName: "feb.csv", status: "running", startedAt: "2026-02-01T10:00:00.000Z", finishedAt: null },
    });
  });
});
