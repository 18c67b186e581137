import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { createFixtureDataset, insertFixtureEvents, type FixtureEvent } from "../features/feature-fixtures";
import { refreshFeatures } from "../features/refresh-features";
import { clearFeatureCache } from "../segments/feature-cache";
import { saveDefinition } from "../segments/segment-definitions";
import { resolveUserGroups } from "../analytics/user-groups";
import { PURCHASE_EVENT } from "../features/feature-sql";
import { activityCurveTallies, getRetentionCurves, queryCurveTallies, readDataset } from "./retention-curves";
import { retentionCurvesQuerySchema, type RetentionCurves } from "./retention-curves.types";

type Event = readonly [user: string, event: string, ts: string, channel: string];

async function seed(db: Db, name: string, timezone: string, events: readonly Event[], kind: "events" | "transactions" = "events"): Promise<void> {
  const id = await createFixtureDataset(db, { name, timezone, kind });
  const rows: FixtureEvent[] = events.map(([user, event, ts, channel]) => ({ user, name: event, ts, props: { channel } }));
  await insertFixtureEvents(db, id, rows);
  await refreshFeatures(db, id);
}

/** [series, size, ["users/eligible" per period]] */
const shape = (curves: RetentionCurves) =>
  curves.series.map((curve) => [curve.name, curve.size, curve.points.map((point) => `${point.users}/${point.eligible}`)]);
const query = (params: Record<string, string>) => retentionCurvesQuerySchema.parse(params);

describe.each(testEngines())("retention curves on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    clearFeatureCache();
    clearAnalysisCache();
    const db = database.db;
    // Asia/Shanghai (UTC+8), ISO weeks, as-of 2026-03-22T16:00Z = local Mon 03-23 00:00 (as-of day Sun 03-22):
    //   a1 ads      03-01T17:30Z = local Mon 03-02 01:30 → first week 03-02 (UTC would say week 02-23);
    //               03-09, 03-16 → weeks 1, 2. Weeks ended by 03-22: 0, 1, 2 (elapsed 2).
    //   a2 ads      03-10 → first week 03-09; 03-15T16:00Z = local Mon 03-16 00:00 → week 1 (UTC: Sun, week 0).
    //               Weeks ended: 0, 1.
    //   o1 organic  03-03 → week 03-02; 03-17 → week 2. Weeks ended: 0, 1, 2.
    //   o2 organic  03-17 → week 03-16; week 0 ended only.
    //   o3 organic  03-23T01:00Z = local 03-23 09:00, at/after as-of → not counted at all.
    // n-period, eligible = users whose week N ended:
    //   ads      N0 2/2 (a1, a2)  N1 2/2 (a1, a2)  N2 1/1 (a1)  N3 0/0
    //   organic  N0 2/2 (o1, o2)  N1 0/1 (o1)      N2 1/1 (o1)  N3 0/0
    //   Everyone N0 4/4           N1 2/3           N2 2/2       N3 0/0
    // unbounded: organic N1 = o1 active later → 1/1; Everyone N1 3/3.
    await seed(db, "shanghai", "Asia/Shanghai", [
      ["a1", "login", "2026-03-01T17:30:00Z", "ads"],
      ["a1", "login", "2026-03-09T02:00:00Z", "ads"],
      ["a1", "login", "2026-03-16T02:00:00Z", "ads"],
      ["a2", "login", "2026-03-10T02:00:00Z", "ads"],
      ["a2", "login", "2026-03-15T16:00:00Z", "ads"],
      ["o1", "login", "2026-03-03T02:00:00Z", "organic"],
      ["o1", "login", "2026-03-17T02:00:00Z", "organic"],
      ["o2", "login", "2026-03-17T02:00:00Z", "organic"],
      ["o3", "login", "2026-03-23T01:00:00Z", "organic"],
    ]);
    await saveDefinition(db, "shanghai", {
      modelId: "behavior-rules",
      name: "Frequency",
      definition: { rules: [{ name: "Frequent", match: "all", conditions: [{ feature: "frequency", operator: ">=", value: 3 }] }], fallback: "Rare" },
    });
    // America/Bogota (UTC−5), days, as-of 2026-03-05T05:00Z = local 03-05 00:00 (as-of day 03-04):
    //   b1 ads      03-03T04:59Z = local 03-02 23:59 (day 0); 03-03T05:00Z = local 03-03 00:00 → day 1. Days ended 0..2.
    //   b2 ads      03-04 noon → first day 03-04; only day 0 ended.
    //   b3 organic  03-02 noon; 03-04T04:00Z = local 03-03 23:00 → day 1 (UTC would say day 2). Days ended 0..2.
    //   ads      N0 2/2  N1 1/1  N2 0/1
    //   organic  N0 1/1  N1 1/1  N2 0/1
    //   Everyone N0 3/3  N1 2/2  N2 0/2
    await seed(db, "bogota", "America/Bogota", [
      ["b1", "login", "2026-03-03T04:59:00Z", "ads"],
      ["b1", "login", "2026-03-03T05:00:00Z", "ads"],
      ["b2", "login", "2026-03-04T12:00:00Z", "ads"],
      ["b3", "login", "2026-03-02T12:00:00Z", "organic"],
      ["b3", "login", "2026-03-04T04:00:00Z", "organic"],
    ]);
    // Transactions (repeat purchase), UTC months, as-of 2026-04-01T00:00Z (as-of day 03-31):
    //   t1 ads      purchases 01-15 and 03-01 (page_view 02-10 ignored) → months 0, 2; months ended 0..2.
    //   t2 ads      page_view only → not a customer.
    //   t3 organic  purchase 2026-02-28T23:59:59Z → first month February; months ended 0, 1.
    //   ads      N0 1/1  N1 0/1  N2 1/1
    //   organic  N0 1/1  N1 0/1  N2 0/0
    //   Everyone N0 2/2  N1 0/2  N2 1/1
    await seed(
      db,
      "shop",
      "UTC",
      [
        ["t1", "purchase", "2026-01-15T10:00:00Z", "ads"],
        ["t1", "page_view", "2026-02-10T10:00:00Z", "ads"],
        ["t1", "purchase", "2026-03-01T00:00:00Z", "ads"],
        ["t2", "page_view", "2026-01-05T10:00:00Z", "ads"],
        ["t3", "purchase", "2026-02-28T23:59:59Z", "organic"],
      ],
      "transactions",
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("buckets weeks in UTC+8 and leaves users out of weeks that have not ended", async () => {
    const params = { groupBy: "channel", period: "week", periods: "3", asOf: "2026-03-22T16:00:00Z" };
    const curves = await getRetentionCurves(database.db, "shanghai", query(params));
    expect(curves.asOfDay).toBe("2026-03-22");
    expect(shape(curves)).toEqual([
      ["Everyone", 4, ["4/4", "2/3", "2/2", "0/0"]],
      ["organic", 2, ["2/2", "0/1", "1/1", "0/0"]],
      ["ads", 2, ["2/2", "2/2", "1/1", "0/0"]],
    ]);
    expect(curves.series[0]!.points[1]!.percent).toBeCloseTo(200 / 3, 10);
    expect(curves.series[0]!.points[3]!.percent).toBeNull();
    const unbounded = await getRetentionCurves(database.db, "shanghai", query({ ...params, mode: "unbounded" }));
    expect(shape(unbounded)[1]).toEqual(["organic", 2, ["2/2", "1/1", "1/1", "0/0"]]);
    expect(shape(unbounded)[0]).toEqual(["Everyone", 4, ["4/4", "3/3", "2/2", "0/0"]]);
  });

  it("splits by a saved definition's segments; the parts add up to Everyone", async () => {
    // Frequent = frequency ≥ 3 (a1: 3 events; o3's single event counts in features but not before this as-of).
    const curves = await getRetentionCurves(database.db, "shanghai", query({ groupBy: "segment:Frequency", period: "week", periods: "3", asOf: "2026-03-22T16:00:00Z" }));
    expect(curves.groupLabel).toBe("segments of Frequency v1");
    expect(shape(curves)).toEqual([
      ["Everyone", 4, ["4/4", "2/3", "2/2", "0/0"]],
      ["Frequent", 1, ["1/1", "1/1", "1/1", "0/0"]],
      ["Rare", 3, ["3/3", "1/2", "1/1", "0/0"]],
    ]);
    const [overall, ...groups] = curves.series;
    overall!.points.forEach((point, n) => expect(groups.reduce((sum, curve) => sum + curve.points[n]!.eligible, 0)).toBe(point.eligible));
  });

  it("buckets days in UTC−5 on the local midnight boundary", async () => {
    const curves = await getRetentionCurves(database.db, "bogota", query({ groupBy: "channel", period: "day", periods: "2", asOf: "2026-03-05T05:00:00Z" }));
    expect(curves.asOfDay).toBe("2026-03-04");
    expect(shape(curves)).toEqual([
      ["Everyone", 3, ["3/3", "2/2", "0/2"]],
      ["ads", 2, ["2/2", "1/1", "0/1"]],
      ["organic", 1, ["1/1", "1/1", "0/1"]],
    ]);
  });

  it("counts only purchases in a transaction dataset (repeat purchase)", async () => {
    const curves = await getRetentionCurves(database.db, "shop", query({ groupBy: "channel", period: "month", periods: "2", asOf: "2026-04-01T00:00:00Z" }));
    expect(curves.definition).toMatch(/repeat purchase/);
    expect(shape(curves)).toEqual([
      ["Everyone", 2, ["2/2", "0/2", "1/1"]],
      ["ads", 1, ["1/1", "0/1", "1/1"]],
      ["organic", 1, ["1/1", "0/1", "0/0"]],
    ]);
  });

  it("counts the same tallies from the activity rollup as the reference SQL over the events", async () => {
    const cases = [
      ["shanghai", "2026-03-22T16:00:00Z", "week", "3"],
      ["shanghai", "2026-03-22T16:00:00Z", "day", "20"],
      ["bogota", "2026-03-05T05:00:00Z", "day", "2"],
      ["shop", "2026-04-01T00:00:00Z", "month", "2"],
      ["shop", "2026-04-01T00:00:00Z", "week", "12"],
    ] as const;
    const sorted = (rows: Awaited<ReturnType<typeof queryCurveTallies>>) =>
      rows.map((row) => `${row.group}:${row.period}:${row.elapsed}:${row.activeUsers}:${row.lastActiveUsers}`).sort();
    for (const [name, asOf, period, periods] of cases) {
      const dataset = await readDataset(database.db, name);
      const groups = await resolveUserGroups(database.db, name, { kind: "dimension", dimension: "channel" });
      const activity = dataset.kind === "transactions" ? PURCHASE_EVENT : null;
      const q = query({ groupBy: "channel", period, periods });
      const reference = await queryCurveTallies(database.db, dataset, groups, new Date(asOf), activity, q);
      expect(sorted(await activityCurveTallies(database.db, dataset, groups, new Date(asOf), activity, q)), `${name} ${period}`).toEqual(sorted(reference));
      expect(reference.length).toBeGreaterThan(0);
    }
  });

  it("answers an unknown dataset with a 404 error", async () => {
    await expect(getRetentionCurves(database.db, "nope", query({}))).rejects.toThrow(/no dataset named "nope"/);
  });
});
