import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { refreshFeatures } from "../features/refresh-features";
import { MAX_THRESHOLD_K } from "./aha-threshold";
import { queryBehaviorCounts } from "./behavior-counts";
import { getInsights } from "./insights";
import { insightsQuerySchema } from "./insights.types";

/**
 * Four users in America/New_York (EST, UTC−5 in January–March), behaviors
 * in the first 2 local days, outcome window 28 days. The last event is on
 * local 2025-03-01, so the as-of day is 2025-03-01 and users first seen on
 * or before 2025-02-01 are eligible.
 * - A: signup 01-10 23:30 local (channel social, plan free); invite 01-11 23:50
 *   local (01-12 04:50 UTC: inside day 1 locally, outside in UTC); invite
 *   01-12 00:10 local (day 2: outside); view 02-15 → retained (36 days).
 *   First 2 days: signup 1, invite 1, 2 sessions (a day apart).
 * - B: signup 01-20 10:00 (organic, plan trial); invite 10:10 and 10:20 (one
 *   session); upgrade 01-25 (plan pro) → converted within 28 days; last day
 *   01-25 → not retained → churned. Plan at first event: trial (not pro).
 * - C: signup 02-10 → too recent; view 03-01.
 * - D: signup 01-05 09:00 (no channel, plan free); cancel 02-20 → retained
 *   (46 days) but cancelled → churned.
 */
const EVENTS: [user: string, event: string, utc: string, properties: Record<string, string>][] = [
  ["A", "signup", "2025-01-11T04:30:00Z", { channel: "social", plan: "free" }],
  ["A", "invite", "2025-01-12T04:50:00Z", {}],
  ["A", "invite", "2025-01-12T05:10:00Z", {}],
  ["A", "view", "2025-02-15T17:00:00Z", {}],
  ["B", "signup", "2025-01-20T15:00:00Z", { channel: "organic", plan: "trial" }],
  ["B", "invite", "2025-01-20T15:10:00Z", {}],
  ["B", "invite", "2025-01-20T15:20:00Z", {}],
  ["B", "upgrade", "2025-01-25T15:00:00Z", { channel: "organic", plan: "pro" }],
  ["C", "signup", "2025-02-10T14:00:00Z", { channel: "social" }],
  ["C", "view", "2025-03-01T14:00:00Z", {}],
  ["D", "signup", "2025-01-05T14:00:00Z", { plan: "free" }],
  ["D", "cancel", "2025-02-20T14:00:00Z", {}],
];

describe.each(testEngines())("early-behavior tallies on $name", (engine) => {
  let database: TestDatabase;
  let datasetId = 0;
  beforeAll(async () => {
    database = await engine.open();
    const [row] = await database.db.query<{ id: number }>(
      `INSERT INTO datasets (name, timezone, conversion_event, cancel_event) VALUES ('tallies', 'America/New_York', 'upgrade', 'cancel') RETURNING id`,
    );
    datasetId = row!.id;
    for (const [index, [user, event, ts, properties]] of EVENTS.entries()) {
      await database.db.query(
        `INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, properties, job_id) VALUES ($1, $2, $3, $4, $5, $6, 1)`,
        [datasetId, `k${index}`, user, event, ts, JSON.stringify(properties)],
      );
    }
    await refreshFeatures(database.db, datasetId);
    // A loaded machine can make the first open slow.
  }, 240_000);
  afterAll(() => database.close());

  it("tallies users per behavior and outcome in local days", async () => {
    const rows = await database.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('TimeZone', 'America/New_York', true)`);
      return queryBehaviorCounts(tx, {
        datasetId,
        asOfDay: "2025-03-01",
        days: 2,
        outcomeWindowDays: 28,
        maxCount: MAX_THRESHOLD_K,
        topEvents: 20,
        sessionTimeoutMinutes: 30,
      });
    });
    const tally = (users: number, retained: number, converted: number, churned: number) => ({ users, retained, converted, churned });
    expect(rows).toEqual([
      { kind: "all", name: "", bucket: 0, ...tally(3, 2, 1, 2) }, // A, B, D
      { kind: "channel", name: "", bucket: 0, ...tally(1, 1, 0, 1) }, // D
      { kind: "channel", name: "organic", bucket: 0, ...tally(1, 0, 1, 1) }, // B
      { kind: "channel", name: "social", bucket: 0, ...tally(1, 1, 0, 0) }, // A
      { kind: "event", name: "invite", bucket: 1, ...tally(1, 1, 0, 0) }, // A (the 00:10 invite is on day 2)
      { kind: "event", name: "invite", bucket: 2, ...tally(1, 0, 1, 1) }, // B
      { kind: "event", name: "signup", bucket: 1, ...tally(3, 2, 1, 2) },
      { kind: "plan", name: "free", bucket: 0, ...tally(2, 2, 0, 1) }, // A, D
      { kind: "plan", name: "trial", bucket: 0, ...tally(1, 0, 1, 1) }, // B
      { kind: "sessions", name: "", bucket: 1, ...tally(2, 1, 1, 2) }, // B, D
      { kind: "sessions", name: "", bucket: 2, ...tally(1, 1, 0, 0) }, // A
    ]);
  });

  it("reports the population and leaves the conversion event out of conversion candidates", async () => {
    const result = await getInsights(database.db, "tallies", insightsQuerySchema.parse({ outcome: "converted", days: 2 }));
    expect(result).toMatchObject({ asOfDay: "2025-03-01", eligibleUsers: 3, tooRecentUsers: 1, outcomeUsers: 1 });
    expect(result.baseRate).toBeCloseTo(1 / 3, 12);
    // Only the first 2 days count, so upgrade (day 5) is no candidate anyway; invite is: 1 of 2 converted vs 0 of 1.
    const invite = result.raises.find((insight) => insight.id === "event:invite:1")!;
    expect(invite).toMatchObject({ usersWith: 2, usersWithout: 1, outcomesWith: 1, outcomesWithout: 0, smallSample: true });
  });
});
