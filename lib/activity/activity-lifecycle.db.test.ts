import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { testEngines, type TestDatabase } from "../db/testing";
import { firstShownInterval } from "../lifecycle/lifecycle-math";
import { queryLifecycleCounts } from "../lifecycle/lifecycle-query";
import { seedRandomActivity } from "./activity-fixtures";
import { lifecycleCountsFromActivity } from "./activity-lifecycle";
import { epochDay, getActivityStore } from "./activity-store";

// The typed-array path must give exactly the lifecycle SQL's rows, whatever the zone, interval and activity.
describe.each(testEngines())("lifecycle from the activity rollup equals the SQL over events ($name)", (engine) => {
  let database: TestDatabase;
  const zones = ["UTC", "America/New_York", "Asia/Shanghai"];
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await engine.open();
    clearAnalysisCache();
    for (const [index, zone] of zones.entries()) ids.set(zone, await seedRandomActivity(database.db, `lifecycle-${index}`, zone, 21 + index));
  });
  afterAll(() => database.close());

  it.each(zones)("in %s", async (zone) => {
    const datasetId = ids.get(zone)!;
    const store = await getActivityStore(database.db, datasetId);
    const [row] = await database.db.query<{ as_of: Date }>(`SELECT ('2026-04-21'::timestamp AT TIME ZONE $1) AS as_of`, [zone]);
    let compared = 0;
    for (const interval of ["day", "week", "month"] as const) {
      for (const purchasesOnly of [false, true]) {
        const periods = interval === "day" ? 40 : 8;
        const reference = await queryLifecycleCounts(database.db, {
          datasetId,
          timezone: zone,
          asOf: new Date(row!.as_of),
          activityEvent: purchasesOnly ? "purchase" : null,
          interval,
          periods,
        });
        expect(reference.asOfDay).toBe("2026-04-20");
        const fast = lifecycleCountsFromActivity(store, {
          lastDay: epochDay("2026-04-20"),
          purchasesOnly,
          interval,
          first: firstShownInterval("2026-04-20", interval, periods),
          last: firstShownInterval("2026-04-20", interval, 1),
        });
        expect(fast).toEqual(reference.rows);
        compared += fast.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
