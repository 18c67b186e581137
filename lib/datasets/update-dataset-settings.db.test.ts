import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { datasetSettingsPatchSchema } from "./dataset-settings.types";
import { insertDataset, insertEvents } from "./test-rows";
import { updateDatasetSettings } from "./update-dataset-settings";

describe("datasetSettingsPatchSchema", () => {
  it("clears events with an empty string, dedupes core features and names bad values", () => {
    expect(datasetSettingsPatchSchema.parse({ conversionEvent: " ", coreFeatures: ["a", "b", "a"] })).toEqual({ conversionEvent: null, coreFeatures: ["a", "b"] });
    const bad = datasetSettingsPatchSchema.safeParse({ timezone: "Mars/Olympus", sessionTimeoutMinutes: 0, plan: "x" });
    expect(bad.error!.issues.map((issue) => issue.message)).toEqual([
      'Unknown time zone "Mars/Olympus": use an IANA name such as "Europe/Berlin"',
      "Session timeout must be at least 1 minute",
      'Unrecognized key: "plan"',
    ]);
  });
});

describe.each(testEngines())("updateDatasetSettings ($name)", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    const id = await insertDataset(database.db, "settings-test");
    // a bought, b did not: converted counts 1 only once "buy" is the conversion event.
    await insertEvents(database.db, id, 1, [
      { userId: "a", ts: "2026-03-01T10:00:00Z" },
      { userId: "a", ts: "2026-03-02T10:00:00Z", eventName: "buy" },
      { userId: "b", ts: "2026-03-01T10:00:00Z" },
    ]);
  });
  afterAll(() => database.close());

  async function convertedUsers(): Promise<string[]> {
    const rows = await database.db.query<{ user_id: string }>(
      `SELECT user_id FROM user_features f JOIN datasets d ON d.id = f.dataset_id WHERE d.name = 'settings-test' AND converted ORDER BY user_id`,
    );
    return rows.map((row) => row.user_id);
  }

  it("saves the changed settings and recomputes the features in full", async () => {
    const update = await updateDatasetSettings(database.db, "settings-test", { conversionEvent: "buy", coreFeatures: ["report"], timezone: "UTC" });
    expect(update.changed).toEqual(["conversionEvent", "coreFeatures"]);
    expect(update.refresh).toMatchObject({ mode: "full", users: 2 });
    expect(update.dataset).toMatchObject({ conversionEvent: "buy", coreFeatures: ["report"], timezone: "UTC" });
    expect(await convertedUsers()).toEqual(["a"]);

    const cleared = await updateDatasetSettings(database.db, "settings-test", { conversionEvent: null });
    expect(cleared.dataset.conversionEvent).toBeNull();
    expect(await convertedUsers()).toEqual([]);
  });

  it("does nothing when nothing changes", async () => {
    const update = await updateDatasetSettings(database.db, "settings-test", { coreFeatures: ["report"] });
    expect(update).toMatchObject({ changed: [], refresh: null });
  });

  it("says which dataset is missing", async () => {
    await expect(updateDatasetSettings(database.db, "nope", { signupEvent: "x" })).rejects.toThrow('There is no dataset named "nope".');
  });
});
