import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIFECYCLE } from "../definitions/lifecycle";
import { testEngines, type TestDatabase } from "../db/testing";
import { createFixtureDataset, insertFixtureEvents } from "../features/feature-fixtures";
import { refreshFeatures } from "../features/refresh-features";
import { scoreLifecycle } from "../scoring/lifecycle";
import { clearFeatureCache, getDatasetFeatures } from "./feature-cache";

// as-of 2026-04-01T00:00Z in a UTC dataset → as-of day 2026-03-31.
const AS_OF = new Date("2026-04-01T00:00:00.000Z");

describe.each(testEngines())("feature cache lifecycle columns on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    clearFeatureCache();
  });
  afterAll(async () => {
    clearFeatureCache();
    await database.close();
  });

  it("loads activatedAt, returnGapDays30d and retained, so lifecycle fills Activated and Resurrected", async () => {
    const { db } = database;
    const id = await createFixtureDataset(db, { name: "cache-lifecycle", activationEvent: "onboarded" });
    await insertFixtureEvents(db, id, [
      // back: 01-10, then 03-25 → 73 days away (01-10 → 03-25 is 74 days); recency 6
      { user: "back", name: "visit", ts: "2026-01-10T12:00:00Z" },
      { user: "back", name: "visit", ts: "2026-03-25T12:00:00Z" },
      // act: signup 03-20 08:00, activated 2 days later; gaps 1 and 7 days; 2 active blocks of 12
      { user: "act", name: "signup", ts: "2026-03-20T08:00:00Z" },
      { user: "act", name: "onboarded", ts: "2026-03-22T08:00:00Z" },
      { user: "act", name: "visit", ts: "2026-03-30T08:00:00Z" },
    ]);
    await refreshFeatures(db, id, { asOf: AS_OF });
    const { store } = await getDatasetFeatures(db, "cache-lifecycle");

    // store order = user id order: act, back
    expect(store.userIds).toEqual(["act", "back"]);
    expect([...store.columns.activatedAt]).toEqual([Date.parse("2026-03-22T08:00:00Z"), Number.NaN]);
    expect([...store.columns.daysToActivate]).toEqual([2, Number.NaN]);
    expect([...store.columns.returnGapDays30d]).toEqual([7, 73]);
    // act: 03-30 − 03-20 = 10 < 28; back: 03-25 − 01-10 = 74 ≥ 28
    expect([...store.columns.retained]).toEqual([0, 1]);

    const lifecycle = scoreLifecycle(store, DEFAULT_LIFECYCLE);
    expect([...lifecycle.labels].map((label) => lifecycle.segments[label])).toEqual(["Activated", "Resurrected"]);
    expect(lifecycle.warnings).toEqual([]);
  });
});
