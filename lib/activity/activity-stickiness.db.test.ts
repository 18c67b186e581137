import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { testEngines, type TestDatabase } from "../db/testing";
import { buildActiveDaysPerWeek, buildDaily } from "../stickiness/stickiness-math";
import { queryStickinessCounts } from "../stickiness/stickiness-query";
import { seedRandomActivity } from "./activity-fixtures";
import { stickinessFromActivity } from "./activity-stickiness";
import { epochDay, getActivityStore } from "./activity-store";

// The typed-array path must draw exactly the charts the stickiness SQL draws, whatever the zone and activity.
describe.each(testEngines())("stickiness from the activity rollup equals the SQL over events ($name)", (engine) => {
  let database: TestDatabase;
  const zones = ["UTC", "America/New_York", "Asia/Shanghai"];
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await engine.open();
    clearAnalysisCache();
    for (const [index, zone] of zones.entries()) ids.set(zone, await seedRandomActivity(database.db, `stickiness-${index}`, zone, 31 + index));
  });
  afterAll(() => database.close());

  it.each(zones)("in %s", async (zone) => {
    const datasetId = ids.get(zone)!;
    const store = await getActivityStore(database.db, datasetId);
    const [row] = await database.db.query<{ as_of: Date }>(`SELECT ('2026-04-21'::timestamp AT TIME ZONE $1) AS as_of`, [zone]);
    let days = 0;
    for (const purchasesOnly of [false, true]) {
      const reference = await queryStickinessCounts(database.db, {
        datasetId,
        timezone: zone,
        asOf: new Date(row!.as_of),
        activityEvent: purchasesOnly ? "purchase" : null,
        days: 60,
        weeks: 8,
      });
      const { window } = reference;
      const fast = stickinessFromActivity(store, { lastDay: epochDay(reference.asOfDay), purchasesOnly, queryFrom: window.queryFrom, weekFrom: window.weekFrom, weekTo: window.weekTo });
      const daily = buildDaily(fast.changes, window.displayFrom, reference.asOfDay);
      expect(daily).toEqual(buildDaily(reference.changes, window.displayFrom, reference.asOfDay));
      expect(buildActiveDaysPerWeek(fast.activeDays, window.weekFrom, window.weekTo)).toEqual(buildActiveDaysPerWeek(reference.activeDays, window.weekFrom, window.weekTo));
      days += daily.filter((day) => day.mau > 0).length;
    }
    expect(days).toBeGreaterThan(100);
  });
});
