import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { testEngines, type TestDatabase } from "../db/testing";
import { createFixtureDataset, insertFixtureEvents, readFeatures, type FixtureDataset } from "../features/feature-fixtures";
import { refreshFeatures } from "../features/refresh-features";
import { clearFeatureCache } from "../segments/feature-cache";
import { resolveUserGroups } from "../analytics/user-groups";
import { getDatasetFeatures } from "../segments/feature-cache";
import { featureTallies, getTimeToConvert, queryConvertTallies, readDataset } from "./time-to-convert";
import { timeToConvertQuerySchema, type TimeToConvert } from "./time-to-convert.types";

type Event = readonly [user: string, event: string, ts: string, channel: string];

const shape = (result: TimeToConvert) =>
  result.series.map((curve) => [curve.name, curve.size, curve.points.map((point) => `${point.converted}/${point.eligible}`)]);
const query = (params: Record<string, string>) => timeToConvertQuerySchema.parse(params);

// Asia/Shanghai (UTC+8), signup "signup", conversion "upgrade", as-of 2026-03-11T00:00Z, days 0..10.
//   s1 ads      page_view 03-01 (before signup), signup 03-03, upgrade 03-05 12:00 → 2.5 days from signup (not 4.5 from
//               first seen) → converted by day 3; observed 8 days.
//   s2 ads      signup and upgrade at the same instant 03-01 → day 0; observed 10 days.
//   s3 organic  signup 03-04, no upgrade; observed exactly 7 days → counts through day 7, not day 8 (censoring edge).
//   s4 organic  upgrade 03-02, then signup 03-03 → −1 day → day 0; observed 8 days.
//   s5 organic  no signup: first seen 03-06 06:00, upgrade 03-09 06:00 → exactly 3 days → by day 3; observed 4.75 → 4 days.
//   s6 organic  signup 03-10 23:00 (observed 1 hour → day 0 only); upgrade at 03-11 00:00 = as-of → not counted.
// (convert day, observed days): s1 (3, 8), s2 (0, 10), s3 (–, 7), s4 (0, 8), s5 (3, 4), s6 (–, 0).
//   Everyone  d0 2/6  d1 2/5  d2 2/5  d3 4/5  d4 4/5  d5 3/4  d6 3/4  d7 3/4  d8 3/3  d9 1/1  d10 1/1
//   organic   d0 1/4  d1 1/3  d2 1/3  d3 2/3  d4 2/3  d5 1/2  d6 1/2  d7 1/2  d8 1/1  d9 0/0  d10 0/0
//   ads       d0 1/2  d1 1/2  d2 1/2  d3 2/2  …       d8 2/2  d9 1/1  d10 1/1
// Converters' days (clamped at 0): 0, 0, 2.5, 3 → PERCENTILE_CONT q1 0, median 1.25, q3 2.625 → middle half days 0–3.
const SHANGHAI: readonly Event[] = [
  ["s1", "page_view", "2026-03-01T00:00:00Z", "ads"],
  ["s1", "signup", "2026-03-03T00:00:00Z", "ads"],
  ["s1", "upgrade", "2026-03-05T12:00:00Z", "ads"],
  ["s2", "signup", "2026-03-01T00:00:00Z", "ads"],
  ["s2", "upgrade", "2026-03-01T00:00:00Z", "ads"],
  ["s3", "signup", "2026-03-04T00:00:00Z", "organic"],
  ["s4", "upgrade", "2026-03-02T00:00:00Z", "organic"],
  ["s4", "signup", "2026-03-03T00:00:00Z", "organic"],
  ["s5", "page_view", "2026-03-06T06:00:00Z", "organic"],
  ["s5", "upgrade", "2026-03-09T06:00:00Z", "organic"],
  ["s6", "signup", "2026-03-10T23:00:00Z", "organic"],
  ["s6", "upgrade", "2026-03-11T00:00:00Z", "organic"],
];
const SHANGHAI_AS_OF = "2026-03-11T00:00:00Z";

// America/Bogota (UTC−5) transactions without a conversion event or signup event: conversion = first purchase,
// start = first event. Default as-of = end of the last event's local day: 2026-03-05T04:30Z is local 03-04 23:30,
// so as-of = local 03-05 00:00 = 2026-03-05T05:00Z (UTC bucketing would say 03-06T00:00Z).
//   p1 page_view 03-01 15:00Z, purchase 03-03 15:00Z → day 2; observed 3 d 14 h → 3 days.
//   p2 purchase 03-05 04:30Z only → day 0; observed 30 minutes → 0 days.
//   Everyone d0 1/2  d1 0/1  d2 1/1  d3 1/1
const BOGOTA: readonly Event[] = [
  ["p1", "page_view", "2026-03-01T15:00:00Z", "ads"],
  ["p1", "purchase", "2026-03-03T15:00:00Z", "ads"],
  ["p2", "purchase", "2026-03-05T04:30:00Z", "ads"],
];

describe.each(testEngines())("time to convert on $name", (engine) => {
  let database: TestDatabase;
  let shanghaiId = 0;
  async function seed(dataset: FixtureDataset, events: readonly Event[], asOf?: string): Promise<number> {
    const id = await createFixtureDataset(database.db, dataset);
    await insertFixtureEvents(database.db, id, events.map(([user, name, ts, channel]) => ({ user, name, ts, props: { channel } })));
    await refreshFeatures(database.db, id, asOf ? { asOf: new Date(asOf) } : {});
    return id;
  }
  beforeAll(async () => {
    database = await engine.open();
    clearFeatureCache();
    clearAnalysisCache();
    shanghaiId = await seed({ name: "shanghai", timezone: "Asia/Shanghai" }, SHANGHAI, SHANGHAI_AS_OF);
    await seed({ name: "bogota", timezone: "America/Bogota", kind: "transactions", conversionEvent: null, signupEvent: null }, BOGOTA);
    await seed({ name: "no-conversion", conversionEvent: null }, [["n1", "login", "2026-03-01T00:00:00Z", "ads"]]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts from signup, clamps conversions before signup to day 0 and censors by days observed", async () => {
    const result = await getTimeToConvert(database.db, "shanghai", query({ groupBy: "channel", days: "10", asOf: SHANGHAI_AS_OF }));
    expect(shape(result)).toEqual([
      ["Everyone", 6, ["2/6", "2/5", "2/5", "4/5", "4/5", "3/4", "3/4", "3/4", "3/3", "1/1", "1/1"]],
      ["organic", 4, ["1/4", "1/3", "1/3", "2/3", "2/3", "1/2", "1/2", "1/2", "1/1", "0/0", "0/0"]],
      ["ads", 2, ["1/2", "1/2", "1/2", "2/2", "2/2", "2/2", "2/2", "2/2", "2/2", "1/1", "1/1"]],
    ]);
    expect(result.series[1]!.points[9]!.percent).toBeNull();
    const [everyone, organic, ads] = result.series;
    expect([everyone!.converters, everyone!.medianDays, everyone!.middleHalf]).toEqual([4, 1.25, { from: 0, to: 3 }]);
    expect([organic!.converters, organic!.medianDays]).toEqual([2, 1.5]);
    expect([ads!.converters, ads!.medianDays]).toEqual([2, 1.25]);
    expect(result.summary).toBe("Half of conversions happen in days 0–3 after signup (median 1.3 days, 4 converters).");
    expect(result.signupEvent).toBe("signup");
    expect(result.conversionEvent).toBe("upgrade");
  });

  it("agrees with the converted and days_to_convert features", async () => {
    const features = await readFeatures(database.db, shanghaiId);
    const converted = [...features.values()].filter((row) => row.converted);
    const result = await getTimeToConvert(database.db, "shanghai", query({ groupBy: "channel", days: "10", asOf: SHANGHAI_AS_OF }));
    expect(result.series[0]!.converters).toBe(converted.length);
    // Converted by day 10 among users observed ≥ 10 days (s2 only) — and by day d in general: days_to_convert ≤ d.
    const byDay3 = converted.filter((row) => Math.max(row.days_to_convert!, 0) <= 3).map((row) => row.user_id).sort();
    expect(byDay3).toEqual(["s1", "s2", "s4", "s5"]);
    expect(features.get("s1")!.days_to_convert).toBe(2.5);
    expect(features.get("s4")!.days_to_convert).toBe(-1);
  });

  it("counts the same from the feature store as the reference SQL over the events", async () => {
    const dataset = await readDataset(database.db, "shanghai");
    const features = await getDatasetFeatures(database.db, "shanghai");
    expect(features.asOf.toISOString()).toBe("2026-03-11T00:00:00.000Z");
    for (const groupBy of [{ kind: "dimension", dimension: "channel" }, { kind: "dimension", dimension: "plan" }] as const) {
      const groups = await resolveUserGroups(database.db, "shanghai", groupBy);
      for (const days of [3, 10]) {
        const reference = await queryConvertTallies(database.db, dataset, groups, features.asOf, "upgrade", days);
        const fast = featureTallies(features.store, groups, features.asOf, days);
        const sorted = (rows: typeof reference.rows) => rows.map((row) => `${row.group}:${row.convertDay}:${row.observedDays}:${row.users}`).sort();
        expect(sorted(fast.rows)).toEqual(sorted(reference.rows));
        expect(Object.fromEntries(fast.stats)).toEqual(Object.fromEntries(reference.stats));
      }
    }
  });

  it("uses the first purchase of a transaction dataset and the UTC−5 default as-of", async () => {
    const result = await getTimeToConvert(database.db, "bogota", query({ groupBy: "channel", days: "3" }));
    expect(result.asOf).toBe("2026-03-05T05:00:00.000Z");
    expect(result.asOfDay).toBe("2026-03-04");
    expect(result.conversionEvent).toBe("purchase");
    expect(result.definition).toMatch(/first purchase/);
    expect(shape(result)).toEqual([
      ["Everyone", 2, ["1/2", "0/1", "1/1", "1/1"]],
      ["ads", 2, ["1/2", "0/1", "1/1", "1/1"]],
    ]);
    expect(result.summary).toBe("Half of conversions happen in days 0–2 after first seen (median 1.0 days, 2 converters).");
  });

  it("draws nothing when the dataset defines no conversion", async () => {
    const result = await getTimeToConvert(database.db, "no-conversion", query({}));
    expect(result.conversionEvent).toBeNull();
    expect(result.series).toEqual([]);
    expect(result.summary).toBeNull();
  });
});
