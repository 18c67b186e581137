import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearAnalysisCache } from "../analytics/result-cache";
import { EVERYONE_ELSE } from "../analytics/user-groups.types";
import type { Db } from "../db/db";
import { testEngines, type TestDatabase } from "../db/testing";
import { NotFoundError } from "../http/not-found-error";
import { clearFeatureCache } from "../segments/feature-cache";
import { createFeatureDataset, insertFeatureRows, recordRefresh } from "../segments/segment-fixtures";
import { getFunnel } from "./funnel";
import { funnelDropOffCsv, getFunnelDropOff } from "./funnel-dropoff";
import { UserStepEvents } from "./funnel-math";
import { buildFunnelSql, buildStepEventsSql, readStepEvents } from "./funnel-sql";
import { groupStepEvents, readGroupedStepEvents, type StepEventRow } from "./step-event-groups";
import { dropOffQuerySchema, parseFunnelSearchParams, type FunnelResult, type FunnelStep } from "./funnel.types";

type Event = readonly [user: string, event: string, ts: string, properties?: Record<string, string>];

async function insertEvents(db: Db, datasetId: number, events: readonly Event[]): Promise<void> {
  for (const [index, [user, event, ts, properties]] of events.entries()) {
    await db.query(`INSERT INTO events (dataset_id, dedupe_key, user_id, event_name, ts, properties, job_id) VALUES ($1, $2, $3, $4, $5, $6, 1)`, [
      datasetId,
      `i:${index}`,
      user,
      event,
      ts,
      JSON.stringify(properties ?? {}),
    ]);
  }
}

const query = (search: string) => parseFunnelSearchParams(new URLSearchParams(search));
const users = (result: FunnelResult) => Object.fromEntries(result.series.map((series) => [series.name, series.steps.map((step) => step.users)]));

describe.each(testEngines())("funnel on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    clearAnalysisCache();
    clearFeatureCache();
    const db = database.db;
    // "app" (UTC), steps signup → onboarding → upgrade, window 7 days:
    //   u1 signup 03-02 10:00, onboarding 11:00, upgrade 03-03 10:00 (to_plan=pro) → 3; gaps 3600 s, 82800 s
    //   u2 signup and onboarding both 03-02 10:00 (same timestamp)               → 2; gap 0 s
    //   u3 onboarding 03-01 (before signup), signup 03-02, nothing after          → 1
    //   u4 signup 03-02 10:00, onboarding 03-03 10:00, upgrade 03-09 10:00 = exactly 7 days → 3 (inclusive); gaps 86400 s, 518400 s
    //   u5 upgrade only                                                          → never did step 1: not in the funnel
    //   u6 signup 03-02 10:00, onboarding 12:00, page_view 13:00, upgrade 14:00 (to_plan=team) → 3; gaps 7200 s, 7200 s
    // Any order: 5, 4, 3 users. Step 2 median of 3600, 0, 86400, 7200 = (3600 + 7200) / 2 = 5400 s;
    // step 3 median of 82800, 518400, 7200 = 82800 s. Drop-off: after step 1 = u3, after step 2 = u2.
    // Strict order: u6's page_view breaks it at step 2 (signup/onboarding of u2 share a timestamp and
    // count in step order) → 5, 4, 2.
    const appId = await createFeatureDataset(db, "app");
    await insertEvents(db, appId, [
      ["u1", "signup", "2026-03-02T10:00:00Z"],
      ["u1", "onboarding", "2026-03-02T11:00:00Z"],
      ["u1", "upgrade", "2026-03-03T10:00:00Z", { to_plan: "pro" }],
      ["u2", "onboarding", "2026-03-02T10:00:00Z"],
      ["u2", "signup", "2026-03-02T10:00:00Z"],
      ["u3", "onboarding", "2026-03-01T10:00:00Z"],
      ["u3", "signup", "2026-03-02T10:00:00Z"],
      ["u4", "signup", "2026-03-02T10:00:00Z"],
      ["u4", "onboarding", "2026-03-03T10:00:00Z"],
      ["u4", "upgrade", "2026-03-09T10:00:00Z"],
      ["u5", "upgrade", "2026-03-02T10:00:00Z"],
      ["u6", "signup", "2026-03-02T10:00:00Z"],
      ["u6", "onboarding", "2026-03-02T12:00:00Z"],
      ["u6", "page_view", "2026-03-02T13:00:00Z"],
      ["u6", "upgrade", "2026-03-02T14:00:00Z", { to_plan: "team" }],
    ]);
    // Features for the channel breakdown: u1, u2, u5 ads; u4 social; u3 and u6 have none yet
    // (their events came after the refresh) → "Everyone else".
    await insertFeatureRows(db, appId, [
      { userId: "u1", channel: "ads" },
      { userId: "u2", channel: "ads" },
      { userId: "u4", channel: "social" },
      { userId: "u5", channel: "ads" },
    ]);
    await recordRefresh(db, appId);

    // "tokyo" (Asia/Tokyo, UTC+9), first-seen cohorts:
    //   t1 signup 2026-03-01T15:30Z = local Mon 03-02 00:30 → week 03-02 (UTC would say Sun 03-01 → week 02-23); onboarding → 2
    //   t2 page_view 2026-02-28T15:10Z = local Sun 03-01 00:10 → week 02-23, month March (UTC: February);
    //      signup 03-05 → 1. The cohort comes from the first event of any kind, not from step 1.
    //   t3 signup 2026-03-09T01:00Z, onboarding 01:10, upgrade 02:10 → week 03-09 → 3
    // Weeks: 02-23 [1, 0, 0]; 03-02 [1, 1, 0]; 03-09 [1, 1, 1]. Months: 2026-03-01 [3, 2, 1] (all March locally).
    const tokyoId = await createFeatureDataset(db, "tokyo", "Asia/Tokyo");
    await insertEvents(db, tokyoId, [
      ["t1", "signup", "2026-03-01T15:30:00Z"],
      ["t1", "onboarding", "2026-03-01T16:30:00Z"],
      ["t2", "page_view", "2026-02-28T15:10:00Z"],
      ["t2", "signup", "2026-03-05T00:00:00Z"],
      ["t3", "signup", "2026-03-09T01:00:00Z"],
      ["t3", "onboarding", "2026-03-09T01:10:00Z"],
      ["t3", "upgrade", "2026-03-09T02:10:00Z"],
    ]);
    await createFeatureDataset(db, "empty");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts users, rates, drop-offs and medians per step under the attempt rule", async () => {
    const funnel = await getFunnel(database.db, "app", query("steps=signup,onboarding,upgrade"));
    expect(users(funnel)).toEqual({ Everyone: [5, 4, 3] });
    const steps = funnel.series[0]!.steps;
    expect(steps.map((step) => step.percentOfFirst)).toEqual([100, 80, 60]);
    expect(steps.map((step) => step.percentOfPrevious)).toEqual([null, 80, 75]);
    expect(steps.map((step) => step.dropOffFromPrevious)).toEqual([null, 1, 1]);
    expect(steps.map((step) => step.medianSecondsFromPrevious)).toEqual([null, 5400, 82800]);
    expect(funnel.definition).toContain("a step exactly at the limit counts");
  });

  it("excludes a step a moment past the window and applies strict order", async () => {
    // A 6-day window drops u4's upgrade (6 days after onboarding, 7 days after signup) → 5, 4, 2.
    expect(users(await getFunnel(database.db, "app", query("steps=signup,onboarding,upgrade&window=6d")))).toEqual({ Everyone: [5, 4, 2] });
    expect(users(await getFunnel(database.db, "app", query("steps=signup,onboarding,upgrade&order=strict")))).toEqual({ Everyone: [5, 4, 2] });
  });

  it("filters a step by an event property", async () => {
    // Only u6's upgrade has to_plan=team: 5 users did signup, 1 upgraded to team.
    const funnel = await getFunnel(database.db, "app", query("step=signup&step=upgrade[to_plan=team]"));
    expect(users(funnel)).toEqual({ Everyone: [5, 1] });
    expect(funnel.series[0]!.steps[1]!.label).toBe("upgrade[to_plan=team]");
  });

  it("breaks down by channel with Everyone else, the parts adding up to the total", async () => {
    const byChannel = query("steps=signup,onboarding,upgrade&breakdown=channel");
    const funnel = await getFunnel(database.db, "app", byChannel);
    // ads: u1 (3), u2 (2); social: u4 (3); Everyone else: u3 (1), u6 (3).
    expect(users(funnel)).toEqual({ Everyone: [5, 4, 3], ads: [2, 2, 1], social: [1, 1, 1], [EVERYONE_ELSE]: [2, 1, 1] });
    const page = await getFunnelDropOff(database.db, "app", byChannel, dropOffQuerySchema.parse({ after: 1, series: EVERYONE_ELSE }));
    expect(page.users.map((user) => user.userId)).toEqual(["u3"]);
  });

  it("buckets first-seen cohorts in a UTC+9 dataset timezone", async () => {
    const weekly = await getFunnel(database.db, "tokyo", query("steps=signup,onboarding,upgrade&breakdown=cohort:week"));
    expect(users(weekly)).toEqual({ Everyone: [3, 2, 1], "2026-02-23": [1, 0, 0], "2026-03-02": [1, 1, 0], "2026-03-09": [1, 1, 1] });
    expect(weekly.breakdownLabel).toBe("first-seen week (Asia/Tokyo)");
    const monthly = await getFunnel(database.db, "tokyo", query("steps=signup,onboarding,upgrade&breakdown=cohort:month"));
    expect(users(monthly)).toEqual({ Everyone: [3, 2, 1], "2026-03-01": [3, 2, 1] });
  });

  it("lists the users who dropped off after a step, paged and as formula-safe CSV", async () => {
    const funnel = query("steps=signup,onboarding,upgrade");
    const afterTwo = await getFunnelDropOff(database.db, "app", funnel, dropOffQuerySchema.parse({ after: 2 }));
    expect(afterTwo).toMatchObject({ total: 1, afterLabel: "onboarding", nextLabel: "upgrade" });
    expect(afterTwo.users).toEqual([{ userId: "u2", startedAt: "2026-03-02T10:00:00.000Z", lastStepAt: "2026-03-02T10:00:00.000Z" }]);
    // Strict order: after step 2 = u2 and u6, page size 1 → page 2 holds u6.
    const strict = query("steps=signup,onboarding,upgrade&order=strict");
    const second = await getFunnelDropOff(database.db, "app", strict, dropOffQuerySchema.parse({ after: 2, pageSize: 1, page: 2 }));
    expect(second).toMatchObject({ total: 2, users: [{ userId: "u6", lastStepAt: "2026-03-02T12:00:00.000Z" }] });
    const csv = await funnelDropOffCsv(database.db, "app", strict, { after: 2, series: "Everyone" });
    expect(csv.rows).toBe(2);
    expect(csv.csv.split("\r\n").filter(Boolean)).toEqual([
      "user_id,series,last_step,last_step_name,missed_step_name,started_at,last_step_at",
      "u2,Everyone,2,onboarding,upgrade,2026-03-02T10:00:00.000Z,2026-03-02T10:00:00.000Z",
      "u6,Everyone,2,onboarding,upgrade,2026-03-02T10:00:00.000Z,2026-03-02T12:00:00.000Z",
    ]);
    expect(csv.fileName).toBe("app-funnel-dropoff-after-2-onboarding-Everyone.csv");
    await expect(getFunnelDropOff(database.db, "app", funnel, dropOffQuerySchema.parse({ after: 3 }))).rejects.toThrow(/last step/);
  });

  it("reads each user's step events the same whether grouped in SQL (per user) or in Node (per event)", async () => {
    const db = database.db;
    const [app] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = 'app'`);
    const perUser = async (steps: FunnelStep[]) => {
      const sql = buildFunnelSql(app!.id, steps, "any", { kind: "none" });
      const rows = await db.query<{ user_id: string; steps: string }>(sql.text, sql.params);
      const events = new UserStepEvents();
      return Object.fromEntries(
        rows.map((row) => {
          readStepEvents(row.steps, events);
          return [row.user_id, Array.from({ length: events.count }, (_, k) => [events.masks[k], events.times[k]])];
        }),
      );
    };
    const perEvent = async (steps: FunnelStep[]) => {
      const sql = buildStepEventsSql(app!.id, steps);
      const groups = groupStepEvents(await db.query<StepEventRow>(sql.text, sql.params));
      const events = new UserStepEvents();
      return Object.fromEntries(
        groups.userIds.map((userId, index) => {
          readGroupedStepEvents(groups, index, events);
          return [userId, Array.from({ length: events.count }, (_, k) => [events.masks[k], events.times[k]])];
        }),
      );
    };
    const filtered: FunnelStep[] = [{ event: "signup" }, { event: "onboarding" }, { event: "upgrade", filter: { property: "to_plan", equals: "pro" } }];
    const repeated: FunnelStep[] = [{ event: "signup" }, { event: "signup" }, { event: "upgrade" }];
    for (const steps of [filtered, repeated]) expect(await perEvent(steps)).toEqual(await perUser(steps));
    // Hand-checked: u1's pro upgrade qualifies for step 3 (mask 4); u6's team upgrade for none, so it is not read.
    const u1 = (await perEvent(filtered))["u1"];
    expect(u1).toEqual([
      [1, Date.parse("2026-03-02T10:00:00Z")],
      [2, Date.parse("2026-03-02T11:00:00Z")],
      [4, Date.parse("2026-03-03T10:00:00Z")],
    ]);
    expect((await perEvent(filtered))["u6"]).toEqual([
      [1, Date.parse("2026-03-02T10:00:00Z")],
      [2, Date.parse("2026-03-02T12:00:00Z")],
    ]);
    // A repeated step: one signup qualifies for steps 1 and 2 (mask 3); u5 never signed up and is left out.
    expect((await perEvent(repeated))["u1"]).toEqual([
      [3, Date.parse("2026-03-02T10:00:00Z")],
      [4, Date.parse("2026-03-03T10:00:00Z")],
    ]);
    expect(Object.keys(await perEvent(repeated)).sort()).toEqual(["u1", "u2", "u3", "u4", "u6"]);
  });

  it("returns zero users for a dataset without events and 404s an unknown dataset", async () => {
    const funnel = await getFunnel(database.db, "empty", query("steps=signup,upgrade"));
    expect(users(funnel)).toEqual({ Everyone: [0, 0] });
    expect(funnel.series[0]!.steps[0]!.percentOfFirst).toBeNull();
    await expect(getFunnel(database.db, "nope", query("steps=a,b"))).rejects.toBeInstanceOf(NotFoundError);
  });
});
