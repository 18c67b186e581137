import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { DEMO_DATASET, DEMO_START } from "../demo/demo-dataset";
import { generateDemoEvents, type DemoEvent } from "../demo/demo-events";
import { endOfLocalDay, localDate } from "./as-of";
import { copyEvents, createDemoDataset } from "../demo/copy-demo-events";
import { readFeatures, type FeatureRow } from "./feature-fixtures";
import { FEATURE_DEFINITIONS } from "./feature-sql";
import { refreshFeatures } from "./refresh-features";

/**
 * Cross-checks the SQL against a deliberately naive TypeScript reading of the
 * definitions, on 300 demo users (days from Intl's tz data, not PostgreSQL's).
 */

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

function reference(events: DemoEvent[], asOf: Date): Map<string, Partial<FeatureRow>> {
  const zone = DEMO_DATASET.timezone;
  const asOfDay = dayNumber(localDate(asOf.getTime() - 1, zone));
  const byUser = new Map<string, DemoEvent[]>();
  for (const event of events) if (event.ts < asOf.getTime()) (byUser.get(event.userId) ?? byUser.set(event.userId, []).get(event.userId)!).push(event);
  const result = new Map<string, Partial<FeatureRow>>();
  for (const [userId, list] of byUser) {
    list.sort((a, b) => a.ts - b.ts);
    const days = list.map((e) => dayNumber(localDate(e.ts, zone)));
    const sessionStartDays = list.filter((e, i) => i === 0 || e.ts - list[i - 1]!.ts > 30 * 60_000).map((e) => dayNumber(localDate(e.ts, zone)));
    const distinctDays = new Set(days);
    const within = (day: number, n: number) => day > asOfDay - n;
    const conversion = list.find((e) => e.eventName === DEMO_DATASET.conversionEvent);
    const signup = list.find((e) => e.eventName === DEMO_DATASET.signupEvent);
    const activation = list.find((e) => e.eventName === DEMO_DATASET.activationEvent);
    const activeDays = [...distinctDays].sort((a, b) => a - b);
    const returnGaps = activeDays.flatMap((day, i) => (i > 0 && within(day, 30) ? [day - activeDays[i - 1]! - 1] : []));
    const latest = (key: string) => {
      const carrying = list.filter((e) => e.properties[key] !== undefined && e.properties[key] !== "");
      if (carrying.length === 0) return null;
      const lastTs = carrying[carrying.length - 1]!.ts;
      return carrying.filter((e) => e.ts === lastTs).map((e) => String(e.properties[key])).sort().pop()!;
    };
    result.set(userId, {
      first_seen: new Date(list[0]!.ts).toISOString(),
      last_seen: new Date(list[list.length - 1]!.ts).toISOString(),
      recency_days: asOfDay - days[days.length - 1]!,
      frequency: list.length,
      monetary: list.reduce((sum, e) => sum + (e.revenue ?? 0), 0),
      sessions_total: sessionStartDays.length,
      sessions_7d: sessionStartDays.filter((d) => within(d, 7)).length,
      sessions_30d: sessionStartDays.filter((d) => within(d, 30)).length,
      active_days_7d: [...distinctDays].filter((d) => within(d, 7)).length,
      active_days_30d: [...distinctDays].filter((d) => within(d, 30)).length,
      active_days_90d: [...distinctDays].filter((d) => within(d, 90)).length,
      weeks_active_12: new Set([...distinctDays].filter((d) => within(d, 84)).map((d) => Math.floor((asOfDay - d) / 7))).size,
      core_features_used: new Set(list.map((e) => e.eventName).filter((name) => (DEMO_DATASET.coreFeatures as readonly string[]).includes(name))).size,
      converted: conversion !== undefined,
      converted_at: conversion ? new Date(conversion.ts).toISOString() : null,
      conversion_path_depth: conversion ? new Set(list.filter((e) => e.ts < conversion.ts).map((e) => e.eventName)).size : null,
      cancelled: list.some((e) => e.eventName === DEMO_DATASET.cancelEvent),
      signup_at: signup ? new Date(signup.ts).toISOString() : null,
      activated_at: activation ? new Date(activation.ts).toISOString() : null,
      return_gap_days_30d: Math.max(0, ...returnGaps),
      retained: activeDays[activeDays.length - 1]! - activeDays[0]! >= 28,
      channel: latest("channel"),
      plan: latest("plan"),
      country: latest("country"),
    });
  }
  return result;
}

describe.each(testEngines())("feature SQL against a TypeScript reference on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database.close());

  it("agrees on every user of 300 demo users, at the default and at an earlier as-of", async () => {
    const { db } = database;
    const events = [...generateDemoEvents({ seed: 9, users: 300, start: DEMO_START, days: 120 })];
    const id = await createDemoDataset(db, "demo-reference");
    await copyEvents(db, id, events, 1);
    const lastTs = Math.max(...events.map((e) => e.ts));
    for (const asOf of [endOfLocalDay(lastTs, DEMO_DATASET.timezone), new Date(DEMO_START.getTime() + 75 * DAY_MS + 13 * 3_600_000)]) {
      await refreshFeatures(db, id, { asOf });
      const rows = await readFeatures(db, id);
      const expected = reference(events, asOf);
      expect([...rows.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [userId, want] of expected) expect({ userId, ...rows.get(userId) }).toMatchObject({ userId, ...want });
    }
  });

  it("documents every feature column", async () => {
    const columns = await database.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'user_features' AND column_name NOT IN ('dataset_id', 'user_id') ORDER BY ordinal_position`,
    );
    expect(FEATURE_DEFINITIONS.map((d) => d.column)).toEqual(columns.map((c) => c.column_name));
  });
});
