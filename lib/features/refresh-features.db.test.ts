import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { DEMO_START } from "../demo/demo-dataset";
import { generateDemoEvents } from "../demo/demo-events";
import { endOfLocalDay } from "./as-of";
import { copyEvents, createDemoDataset } from "../demo/copy-demo-events";
import { createFixtureDataset, insertFixtureEvents, readFeatures, readProfiles, type FixtureEvent } from "./feature-fixtures";
import { IncrementalRefreshRefused } from "./refresh-plan";
import { FeatureRefreshError, refreshFeatures } from "./refresh-features";

// as-of 2026-04-01T00:00Z in a UTC dataset → as-of day 2026-03-31.
const AS_OF = new Date("2026-04-01T00:00:00.000Z");

const at = (day: string, time = "12:00:00") => `${day}T${time}Z`;

// Dates of user "w" by offset from the as-of day 2026-03-31:
// 6 → 03-25, 7 → 03-24, 29 → 03-02, 30 → 03-01, 83 → 01-07, 84 → 01-06, 89 → 01-01, 90 → 2025-12-31.
const W_DAYS = ["2026-03-25", "2026-03-24", "2026-03-02", "2026-03-01", "2026-01-07", "2026-01-06", "2026-01-01", "2025-12-31"];

const FIXTURE: FixtureEvent[] = [
  // s: gaps of exactly 30 min continue a session, 31 min start a new one.
  { user: "s", name: "report", ts: at("2026-03-31", "10:00:00") },
  { user: "s", name: "report", ts: at("2026-03-31", "10:30:00") },
  { user: "s", name: "query", ts: at("2026-03-31", "11:01:00") },
  { user: "s", name: "report", ts: at("2026-03-31", "11:31:00") },
  { user: "s", name: "report", ts: at("2026-03-31", "12:02:00") },
  // m: 30 min + 1 ms is already a new session.
  { user: "m", name: "visit", ts: "2026-03-31T09:00:00.000Z" },
  { user: "m", name: "visit", ts: "2026-03-31T09:30:00.001Z" },
  // w: one event per day at the window edges.
  ...W_DAYS.map((day) => ({ user: "w", name: "visit", ts: at(day) })),
  // c: signup → … → upgrade; "checkout" at the very same instant as the upgrade.
  { user: "c", name: "signup", ts: at("2026-03-10", "08:00:00") },
  { user: "c", name: "report", ts: at("2026-03-10", "08:05:00") },
  { user: "c", name: "query", ts: at("2026-03-10", "08:10:00") },
  { user: "c", name: "report", ts: at("2026-03-10", "08:20:00") },
  { user: "c", name: "pricing", ts: at("2026-03-11", "09:00:00") },
  { user: "c", name: "checkout", ts: at("2026-03-12", "08:00:00") },
  { user: "c", name: "upgrade", ts: at("2026-03-12", "08:00:00"), revenue: 49.5 },
  { user: "c", name: "share", ts: at("2026-03-12", "08:10:00") },
  { user: "c", name: "upgrade", ts: at("2026-03-20", "08:00:00"), revenue: 10 },
  { user: "c", name: "cancel", ts: at("2026-03-25", "10:00:00") },
  // n: converts without a signup event.
  { user: "n", name: "visit", ts: at("2026-03-20", "00:00:00") },
  { user: "n", name: "upgrade", ts: at("2026-03-21", "12:00:00"), revenue: 20 },
  // t: traits, empty values, a same-instant tie and an event after the as-of.
  { user: "t", name: "visit", ts: at("2026-03-28", "10:00:00"), props: { channel: "ads", plan: "free", country: "DE", team_size: 5 } },
  { user: "t", name: "visit", ts: at("2026-03-28", "10:10:00"), props: { channel: "", plan: "pro" } },
  { user: "t", name: "visit", ts: at("2026-03-28", "10:20:00"), props: { country: "FR" } },
  { user: "t", name: "visit", ts: at("2026-03-28", "10:30:00"), props: { plan: "team" }, key: "t-tie-a" },
  { user: "t", name: "visit", ts: at("2026-03-28", "10:30:00"), props: { plan: "enterprise" }, key: "t-tie-b" },
  { user: "t", name: "visit", ts: at("2026-04-02", "10:00:00"), props: { channel: "social" } },
];

async function fixtureDataset(db: Db, name: string): Promise<number> {
  const id = await createFixtureDataset(db, {
    name,
    coreFeatures: ["report", "query", "share"],
    dimensions: ["channel", "plan", "country", "team_size"],
  });
  await insertFixtureEvents(db, id, FIXTURE);
  return id;
}

describe.each(testEngines())("refreshFeatures on $name", (engine) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await engine.open();
    db = database.db;
  });
  afterAll(() => database.close());

  describe("hand-computed fixture (UTC, as-of 2026-04-01T00:00Z, as-of day 2026-03-31)", () => {
    let datasetId: number;
    let rows: Awaited<ReturnType<typeof readFeatures>>;
    beforeAll(async () => {
      datasetId = await fixtureDataset(db, "fixture");
      const result = await refreshFeatures(db, datasetId, { asOf: AS_OF });
      expect(result).toMatchObject({ mode: "full", users: 6, asOf: AS_OF });
      rows = await readFeatures(db, datasetId);
    });

    it("splits sessions at gaps > 30 min, not at exactly 30 min", () => {
      const s = rows.get("s")!;
      // 10:00 –30:00→ 10:30 | 31 min | 11:01 –30:00→ 11:31 | 31 min | 12:02 → 3 sessions of 5 events
      expect(s).toMatchObject({ sessions_total: 3, sessions_7d: 3, sessions_30d: 3, frequency: 5 });
      // first seen on the as-of day: lifetime 1 day < 1 week → divided by 1 week
      expect(s.sessions_per_week).toBe(3);
      // report, query are core (share unused) → 2
      expect(s.core_features_used).toBe(2);
      expect(s).toMatchObject({ recency_days: 0, active_days_7d: 1, active_days_30d: 1, active_days_90d: 1, weeks_active_12: 1 });
      // 5 events in the one active block
      expect(s.events_per_active_week).toBe(5);
      // first seen within the last 30 days: no earlier history
      expect(s.activity_30d_vs_baseline).toBeNull();
      expect(s).toMatchObject({ converted: false, converted_at: null, days_to_convert: null, conversion_path_depth: null });
      expect(s).toMatchObject({ monetary: 0, cancelled: false, signup_at: null, channel: null, plan: null, country: null });
      // 09:00:00.000 → 09:30:00.001 is 30 min + 1 ms
      expect(rows.get("m")!.sessions_total).toBe(2);
    });

    it("counts windows of local days ending with the as-of day, edges included", () => {
      const w = rows.get("w")!;
      expect(w).toMatchObject({ first_seen: "2025-12-31T12:00:00.000Z", last_seen: "2026-03-25T12:00:00.000Z", frequency: 8 });
      // last active 03-25 = as-of day − 6
      expect(w.recency_days).toBe(6);
      // 7d = offsets 0..6 → {6}; 30d = 0..29 → {6, 7, 29}; 90d = 0..89 → all but offset 90
      expect(w).toMatchObject({ active_days_7d: 1, active_days_30d: 3, active_days_90d: 7 });
      // one session per day: 8 in total, 1 in 7d, 3 in 30d
      expect(w).toMatchObject({ sessions_total: 8, sessions_7d: 1, sessions_30d: 3 });
      // lifetime 2025-12-31..2026-03-31 = 91 days = 13 weeks → 8 / 13
      expect(w.sessions_per_week).toBeCloseTo(8 / 13, 12);
      // blocks (offset div 7) within 84 days: 6→0, 7→1, 29→4, 30→4, 83→11; 84 is block 12 (outside) → 4 blocks
      expect(w.weeks_active_12).toBe(4);
      // 5 events at offsets ≤ 83 over 4 active blocks
      expect(w.events_per_active_week).toBeCloseTo(1.25, 12);
      // last 30 days: 3 events / 30 = 0.1 per day; before: 5 events over 2025-12-31..2026-03-01 = 61 days
      // → 0.1 / (5/61) = 1.22
      expect(w.activity_30d_vs_baseline).toBeCloseTo(1.22, 12);
      // active days in the last 30 (offsets 0..29): 29 (previous 30 → gap 0), 7 (previous 29 → 21), 6 (→ 0) → 21;
      // last day − first day = 90 − 6 = 84 ≥ 28 → retained; no activation event
      expect(w).toMatchObject({ return_gap_days_30d: 21, retained: true, activated_at: null });
    });

    it("measures conversion from signup, its path depth and cancellation", () => {
      const c = rows.get("c")!;
      expect(c.converted).toBe(true);
      // first upgrade, not the second on 03-20
      expect(c.converted_at).toBe("2026-03-12T08:00:00.000Z");
      expect(c.signup_at).toBe("2026-03-10T08:00:00.000Z");
      // 03-10 08:00 → 03-12 08:00 = 2 days
      expect(c.days_to_convert).toBe(2);
      // strictly before 03-12 08:00: signup, report, query, pricing = 4 ("checkout" at the same instant is not before)
      expect(c.conversion_path_depth).toBe(4);
      // report, query, share
      expect(c.core_features_used).toBe(3);
      // 49.5 + 10
      expect(c.monetary).toBe(59.5);
      expect(c.cancelled).toBe(true);
      expect(c.frequency).toBe(10);
      // one session on each of 03-10, 03-11, 03-12, 03-20, 03-25
      expect(c).toMatchObject({ sessions_total: 5, sessions_7d: 1, sessions_30d: 5, active_days_30d: 5 });
      // lifetime 03-10..03-31 = 22 days → 5 / (22/7) = 35/22
      expect(c.sessions_per_week).toBeCloseTo(35 / 22, 12);
      // offsets 21, 20, 19, 11, 6 → blocks 3, 2, 2, 1, 0 → 4 blocks; 10 events / 4
      expect(c).toMatchObject({ weeks_active_12: 4, events_per_active_week: 2.5, recency_days: 6 });

      const n = rows.get("n")!;
      // no signup event: from first_seen 03-20 00:00 to 03-21 12:00 = 1.5 days; only "visit" before
      expect(n).toMatchObject({ converted: true, signup_at: null, days_to_convert: 1.5, conversion_path_depth: 1, monetary: 20 });
    });

    it("takes channel, plan and country from the latest non-empty value before the as-of", () => {
      const t = rows.get("t")!;
      // channel: "" on 10:10 is ignored and "social" on 04-02 is after the as-of → "ads" (10:00)
      // plan: "team" and "enterprise" at the same instant 10:30 → the largest value wins → "team"
      // country: "FR" at 10:20 is later than "DE" at 10:00
      expect(t).toMatchObject({ channel: "ads", plan: "team", country: "FR", frequency: 5, last_seen: "2026-03-28T10:30:00.000Z" });
      expect(t.as_of).toBe("2026-04-01T00:00:00.000Z");
    });

    it("upserts profiles that never move backwards", async () => {
      const before = (await readProfiles(db, datasetId)).get("t")!;
      // team_size is a dataset dimension: copied as text
      expect(before).toMatchObject({ first_seen: "2026-03-28T10:00:00.000Z", last_seen: "2026-03-28T10:30:00.000Z", signup_at: null });
      expect(before.traits).toEqual({ channel: "ads", plan: "team", country: "FR", team_size: "5" });
      expect((await readProfiles(db, datasetId)).get("c")!.signup_at).toBe("2026-03-10T08:00:00.000Z");

      // Default as-of: the end of 2026-04-02 (UTC) now includes t's "social" event → full refresh.
      const later = await refreshFeatures(db, datasetId);
      expect(later).toMatchObject({ mode: "full", asOf: new Date("2026-04-03T00:00:00.000Z") });
      const moved = (await readProfiles(db, datasetId)).get("t")!;
      expect(moved.last_seen).toBe("2026-04-02T10:00:00.000Z");
      expect(moved.traits).toEqual({ channel: "social", plan: "team", country: "FR", team_size: "5" });

      // Back to the earlier as-of: features rewind, the profile keeps its later facts.
      await refreshFeatures(db, datasetId, { asOf: AS_OF });
      expect((await readFeatures(db, datasetId)).get("t")!.channel).toBe("ads");
      const kept = (await readProfiles(db, datasetId)).get("t")!;
      expect(kept.last_seen).toBe("2026-04-02T10:00:00.000Z");
      expect(kept.traits.channel).toBe("social");
    });

    it("records each refresh with its mode, as-of, job watermark and user count", async () => {
      const refreshes = await db.query<{ mode: string; as_of: Date; last_job_id: number; users: number }>(
        `SELECT mode, as_of, last_job_id, users FROM feature_refreshes WHERE dataset_id = $1 ORDER BY id`,
        [datasetId],
      );
      expect(refreshes.map((r) => [r.mode, new Date(r.as_of).toISOString(), r.last_job_id, r.users])).toEqual([
        ["full", "2026-04-01T00:00:00.000Z", 1, 6],
        ["full", "2026-04-03T00:00:00.000Z", 1, 6],
        ["full", "2026-04-01T00:00:00.000Z", 1, 6],
      ]);
    });
  });

  describe("lifecycle features: activation, return gap, Day-28 retention (UTC, as-of day 2026-03-31)", () => {
    // Job 1 is refreshed in full first; job 2 then arrives and is refreshed incrementally.
    const LIFECYCLE: FixtureEvent[] = [
      // back: away from 01-10 until 03-20, then again on 03-21; an event after the as-of is ignored.
      { user: "back", name: "visit", ts: at("2026-01-10") },
      { user: "back", name: "visit", ts: at("2026-03-20"), job: 2 },
      { user: "back", name: "visit", ts: at("2026-03-21"), job: 2 },
      { user: "back", name: "visit", ts: at("2026-04-02") },
      // edge: returns on 03-02, the first of the last 30 days (as-of day − 29).
      { user: "edge", name: "visit", ts: at("2026-02-01") },
      { user: "edge", name: "visit", ts: at("2026-03-02") },
      // outside: returns on 03-01 (as-of day − 30), just before the 30 days.
      { user: "outside", name: "visit", ts: at("2026-02-01") },
      { user: "outside", name: "visit", ts: at("2026-03-01") },
      // young: last active 27 days after the first-seen day.
      { user: "young", name: "visit", ts: at("2026-03-04") },
      { user: "young", name: "visit", ts: at("2026-03-31", "23:59:59") },
      // daily: three days in a row, two events on one of them.
      { user: "daily", name: "visit", ts: at("2026-03-29") },
      { user: "daily", name: "visit", ts: at("2026-03-30", "08:00:00") },
      { user: "daily", name: "visit", ts: at("2026-03-30", "20:00:00") },
      { user: "daily", name: "visit", ts: at("2026-03-31") },
      // act: two activation events, the first arriving late (job 2).
      { user: "act", name: "signup", ts: at("2026-03-10", "08:00:00") },
      { user: "act", name: "onboarded", ts: at("2026-03-11", "09:00:00"), job: 2 },
      { user: "act", name: "onboarded", ts: at("2026-03-12", "09:00:00") },
    ];
    let datasetId: number;
    let afterFull: Awaited<ReturnType<typeof readFeatures>>;
    let afterIncremental: Awaited<ReturnType<typeof readFeatures>>;
    beforeAll(async () => {
      datasetId = await createFixtureDataset(db, { name: "lifecycle" });
      await insertFixtureEvents(db, datasetId, LIFECYCLE.filter((e) => e.job === undefined));
      expect(await refreshFeatures(db, datasetId, { asOf: AS_OF })).toMatchObject({ mode: "full", users: 6 });
      afterFull = await readFeatures(db, datasetId);
      await insertFixtureEvents(db, datasetId, LIFECYCLE.filter((e) => e.job === 2), "late-");
      // back and act have events in job 2
      expect(await refreshFeatures(db, datasetId, { asOf: AS_OF })).toMatchObject({ mode: "incremental", users: 2 });
      afterIncremental = await readFeatures(db, datasetId);
    });

    it("measures the longest gap ended by a return in the last 30 days", () => {
      // back: 01-10 → 03-20 is 69 days, so 68 days without events between them; 03-21 follows 03-20 (gap 0) → 68
      expect(afterIncremental.get("back")!.return_gap_days_30d).toBe(68);
      // edge: 02-01 → 03-02 is 29 days → 28 inactive days between, and 03-02 is inside the 30 days
      expect(afterIncremental.get("edge")!.return_gap_days_30d).toBe(28);
      // outside: the return on 03-01 is 30 days before the as-of day: outside → no return → 0
      expect(afterIncremental.get("outside")!.return_gap_days_30d).toBe(0);
      // daily: consecutive days → 0; young: 03-04 → 03-31 → 26 inactive days
      expect(afterIncremental.get("daily")!.return_gap_days_30d).toBe(0);
      expect(afterIncremental.get("young")!.return_gap_days_30d).toBe(26);
      // act: 03-10, 03-11, 03-12 → 0
      expect(afterIncremental.get("act")!.return_gap_days_30d).toBe(0);
    });

    it("counts Day-28 retention on local days, 28 days included", () => {
      // back: 03-21 − 01-10 = 70; edge: 03-02 − 02-01 = 29; outside: 03-01 − 02-01 = 28 (the edge counts)
      expect(afterIncremental.get("back")!.retained).toBe(true);
      expect(afterIncremental.get("edge")!.retained).toBe(true);
      expect(afterIncremental.get("outside")!.retained).toBe(true);
      // young: 03-31 − 03-04 = 27; daily: 2; act: 2
      expect(afterIncremental.get("young")!.retained).toBe(false);
      expect(afterIncremental.get("daily")!.retained).toBe(false);
      expect(afterIncremental.get("act")!.retained).toBe(false);
    });

    it("takes the first activation event, NULL without one", () => {
      // 03-11 09:00 (job 2) comes before 03-12 09:00
      expect(afterIncremental.get("act")!.activated_at).toBe("2026-03-11T09:00:00.000Z");
      expect(afterIncremental.get("back")!.activated_at).toBeNull();
    });

    it("updates them incrementally to exactly the rows of a full refresh", async () => {
      // before job 2: back only had 01-10 (04-02 is after the as-of) → no return, not retained; act first activated on 03-12
      expect(afterFull.get("back")).toMatchObject({ return_gap_days_30d: 0, retained: false });
      expect(afterFull.get("act")!.activated_at).toBe("2026-03-12T09:00:00.000Z");
      expect(await refreshFeatures(db, datasetId, { asOf: AS_OF, mode: "full" })).toMatchObject({ mode: "full", users: 6 });
      expect(await readFeatures(db, datasetId)).toEqual(afterIncremental);
    });

    it("leaves activated_at NULL when the dataset names no activation event", async () => {
      const id = await createFixtureDataset(db, { name: "no-activation", activationEvent: null });
      await insertFixtureEvents(db, id, [{ user: "a", name: "onboarded", ts: at("2026-03-11") }]);
      await refreshFeatures(db, id, { asOf: AS_OF });
      // a single active day: no return, not retained
      expect((await readFeatures(db, id)).get("a")).toMatchObject({ activated_at: null, return_gap_days_30d: 0, retained: false });
    });

    it("counts gaps and retention on local days (America/New_York, UTC−5/−4)", async () => {
      const id = await createFixtureDataset(db, { name: "lifecycle-new-york", timezone: "America/New_York" });
      await insertFixtureEvents(db, id, [
        // 02-01 10:00 EST, then 03-02T03:00Z = 22:00 EST on 03-01: as-of day − 30, outside (in UTC it would be 03-02, gap 28)
        { user: "tz", name: "visit", ts: "2026-02-01T15:00:00Z" },
        { user: "tz", name: "visit", ts: "2026-03-02T03:00:00Z" },
        // 02-01T04:30Z = 23:30 EST on 01-31; 02-28 07:00 EST → 28 local days (in UTC 02-01 → 02-28 = 27)
        { user: "tz2", name: "visit", ts: "2026-02-01T04:30:00Z" },
        { user: "tz2", name: "visit", ts: "2026-02-28T12:00:00Z" },
      ]);
      // midnight EDT after 03-31 → as-of day 03-31
      await refreshFeatures(db, id, { asOf: new Date("2026-04-01T04:00:00Z") });
      const rows = await readFeatures(db, id);
      expect(rows.get("tz")).toMatchObject({ return_gap_days_30d: 0, retained: true });
      expect(rows.get("tz2")).toMatchObject({ retained: true });
    });
  });

  it("buckets days in the dataset timezone (Asia/Shanghai, UTC+8)", async () => {
    const id = await createFixtureDataset(db, { name: "shanghai", timezone: "Asia/Shanghai" });
    await insertFixtureEvents(db, id, [
      // 17:30Z = 01:30 on 03-02 in Shanghai: the last event, so the default as-of is the end of local 03-02
      { user: "a", name: "visit", ts: "2026-03-01T17:30:00Z" },
      // 23:50 local 03-01 and 00:10 local 03-02: one 20-minute session across local midnight
      { user: "b", name: "visit", ts: "2026-03-01T15:50:00Z" },
      { user: "b", name: "visit", ts: "2026-03-01T16:10:00Z" },
      // 23:59:59 local on 03-01
      { user: "c", name: "visit", ts: "2026-03-01T15:59:59Z" },
    ]);
    const result = await refreshFeatures(db, id);
    // local midnight after 03-02 = 2026-03-03T00:00+08:00
    expect(result.asOf.toISOString()).toBe("2026-03-02T16:00:00.000Z");
    const rows = await readFeatures(db, id);
    expect(rows.get("a")).toMatchObject({ recency_days: 0, active_days_7d: 1, weeks_active_12: 1 });
    // active on local 03-01 and 03-02; the session started on 03-01, inside the 7 days
    expect(rows.get("b")).toMatchObject({ recency_days: 0, active_days_7d: 2, sessions_total: 1, sessions_7d: 1 });
    // lifetime 03-01..03-02 = 2 days → still the 1-week minimum
    expect(rows.get("b")!.sessions_per_week).toBe(1);
    expect(rows.get("c")).toMatchObject({ recency_days: 1, active_days_7d: 1 });
  });

  it("ends the default as-of at local midnight on a DST change day (America/New_York)", async () => {
    const id = await createFixtureDataset(db, { name: "new-york-dst", timezone: "America/New_York" });
    await insertFixtureEvents(db, id, [
      // 2026-03-08 is the spring-forward day (EST −5 until 02:00, then EDT −4)
      { user: "late", name: "visit", ts: "2026-03-08T12:00:00Z" }, // 08:00 EDT on 03-08
      { user: "edge", name: "visit", ts: "2026-03-08T04:59:59Z" }, // 23:59:59 EST on 03-07
      { user: "first", name: "visit", ts: "2026-03-08T05:00:00Z" }, // 00:00 EST on 03-08
    ]);
    const result = await refreshFeatures(db, id);
    // midnight after 03-08 is 2026-03-09T00:00 EDT = 04:00Z, the same instant as-of.ts computes
    expect(result.asOf.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(endOfLocalDay(new Date("2026-03-08T12:00:00Z"), "America/New_York")).toEqual(result.asOf);
    const rows = await readFeatures(db, id);
    expect(rows.get("late")!.recency_days).toBe(0);
    expect(rows.get("first")!.recency_days).toBe(0);
    expect(rows.get("edge")!.recency_days).toBe(1);
  });

  it("counts only purchases as frequency in a transactions dataset", async () => {
    const id = await createFixtureDataset(db, { name: "shop", kind: "transactions", signupEvent: null, conversionEvent: null, cancelEvent: null });
    await insertFixtureEvents(db, id, [
      { user: "p", name: "purchase", ts: "2026-03-01T10:00:00Z", revenue: 10 },
      { user: "p", name: "purchase", ts: "2026-03-02T10:00:00Z", revenue: 20.5 },
      { user: "p", name: "view", ts: "2026-03-03T10:00:00Z" },
    ]);
    await refreshFeatures(db, id);
    // 2 purchases of 3 events; 10 + 20.5; no conversion event configured → never converted
    expect((await readFeatures(db, id)).get("p")).toMatchObject({
      frequency: 2,
      monetary: 30.5,
      converted: false,
      conversion_path_depth: null,
      cancelled: false,
    });
  });

  it("refreshes incrementally after new jobs and gives exactly the rows of a full refresh", async () => {
    const id = await createDemoDataset(db, "demo-incremental");
    const events = [...generateDemoEvents({ seed: 3, users: 150, start: DEMO_START, days: 60 })];
    // Every 7th event arrives late, in job 2 (some users are new in job 2: their signup was held back).
    await copyEvents(db, id, events.filter((_, i) => i % 7 !== 6), 1);
    const asOf = endOfLocalDay(Math.max(...events.map((e) => e.ts)), "America/New_York");
    const first = await refreshFeatures(db, id, { asOf });
    expect(first.mode).toBe("full");

    const late = events.filter((_, i) => i % 7 === 6);
    await copyEvents(db, id, late, 2);
    const incremental = await refreshFeatures(db, id, { asOf });
    const touched = new Set(late.map((e) => e.userId)).size;
    expect(incremental).toMatchObject({ mode: "incremental", users: touched, asOf });
    const afterIncremental = await readFeatures(db, id);
    const profilesAfterIncremental = await readProfiles(db, id);

    const full = await refreshFeatures(db, id, { asOf, mode: "full" });
    expect(full.users).toBe(new Set(events.map((e) => e.userId)).size);
    expect(afterIncremental).toEqual(await readFeatures(db, id));
    expect(profilesAfterIncremental).toEqual(await readProfiles(db, id));

    // Nothing new: incremental with no users.
    expect(await refreshFeatures(db, id, { asOf })).toMatchObject({ mode: "incremental", users: 0 });
    const [last] = await db.query<{ last_job_id: number }>(`SELECT last_job_id FROM feature_refreshes WHERE dataset_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(last!.last_job_id).toBe(2);
  });

  it("holds the watermark below a job that is still running, and refuses impossible incremental refreshes", async () => {
    const id = await createFixtureDataset(db, { name: "open-job" });
    await expect(refreshFeatures(db, id)).rejects.toThrow(FeatureRefreshError);
    const [job] = await db.query<{ id: number }>(
      `INSERT INTO ingest_jobs (dataset_id, file_name, fingerprint, format, status) VALUES ($1, 'a.csv', 'f', 'csv', 'running') RETURNING id`,
      [id],
    );
    await insertFixtureEvents(db, id, [
      { user: "a", name: "visit", ts: "2026-03-01T10:00:00Z", job: job!.id - 1 },
      { user: "b", name: "visit", ts: "2026-03-01T11:00:00Z", job: job!.id },
    ]);
    // no previous refresh: an incremental one would leave the other users without rows
    await expect(refreshFeatures(db, id, { mode: "incremental" })).rejects.toThrow(IncrementalRefreshRefused);
    await expect(refreshFeatures(db, id, { mode: "incremental" })).rejects.toThrow(FeatureRefreshError);
    await refreshFeatures(db, id);
    const [recorded] = await db.query<{ last_job_id: number }>(`SELECT last_job_id FROM feature_refreshes WHERE dataset_id = $1`, [id]);
    // job J is still running: recorded as J − 1 so its later batches are picked up
    expect(recorded!.last_job_id).toBe(job!.id - 1);

    // The running job commits another batch under the same id; the next refresh re-reads its users.
    await insertFixtureEvents(db, id, [{ user: "b", name: "visit", ts: "2026-03-01T12:00:00Z", job: job!.id }], "second-");
    const result = await refreshFeatures(db, id);
    expect(result).toMatchObject({ mode: "incremental", users: 1 });
    // 11:00 and 12:00 (60 min apart) → 2 events, 2 sessions
    expect((await readFeatures(db, id)).get("b")).toMatchObject({ frequency: 2, sessions_total: 2 });
  });

  it("rejects an unknown dataset, an invalid timezone and an invalid as-of with a readable error", async () => {
    await expect(refreshFeatures(db, 999_999)).rejects.toThrow(/does not exist/);
    await expect(refreshFeatures(db, 1, { asOf: new Date("yesterday") })).rejects.toThrow(FeatureRefreshError);
    const id = await createFixtureDataset(db, { name: "bad-zone", timezone: "Mars/Olympus" });
    await expect(refreshFeatures(db, id)).rejects.toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
