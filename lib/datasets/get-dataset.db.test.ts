import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { getDatasetByName } from "./get-dataset";
import { insertDataset, insertFeatures, insertProfile } from "./test-rows";

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
    for (const userId of ["a", "b", "c"]) await insertProfile(db, id, userId, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
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
      events: 0,
      usersWithFeatures: 2,
      featuresAsOf: "2026-03-10T00:00:00.000Z",
    });
    expect((await getDatasetByName(db, "saas-copy"))?.featuresAsOf).toBeNull();
  });
});
