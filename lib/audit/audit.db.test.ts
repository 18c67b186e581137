import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { getAudit } from "./audit";
import type { Audit, Finding } from "./audit.types";
import { AUDIT_INJECTIONS as injected, loadAuditFixture } from "./audit-fixture";

describe.each(testEngines())("getAudit on $name", (engine) => {
  let database: TestDatabase;
  let dirty: Audit;
  let clean: Audit;
  let rowsRead = 0;
  beforeAll(async () => {
    database = await engine.open();
    rowsRead = (await loadAuditFixture(database.db, "audit-dirty", true)).rowsRead;
    await loadAuditFixture(database.db, "audit-clean", false);
    dirty = await getAudit(database.db, "audit-dirty");
    clean = await getAudit(database.db, "audit-clean");
    // A loaded machine can make the first open and the two loads slow.
  }, 240_000);
  afterAll(() => database.close());

  const finding = (id: string): Finding => {
    const found = dirty.findings.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no finding ${id}; got ${dirty.findings.map((f) => f.id).join(", ")}`);
    return found;
  };

  it("counts rows rejected for a missing user id from ingest_rejects", () => {
    // 7 of the rows read: under 1% → medium.
    expect(finding("events-without-user-id")).toMatchObject({
      severity: "medium",
      evidence: { counts: { rejectedRows: injected.missingUserIds, rowsRead } },
    });
    expect(finding("events-without-user-id").evidence.examples).toHaveLength(5);
  });

  it("flags anonymous ids and the identified users split from them", () => {
    // 4 of 29 users (13.8%): medium.
    expect(finding("anonymous-user-ids")).toMatchObject({
      severity: "medium",
      evidence: { counts: { anonymousUsers: injected.anonymousUsers, anonymousEvents: injected.anonymousEvents, users: injected.users }, examples: ["anon_1", "anon_2", "anon_3", "anon_4"] },
    });
    expect(finding("identity-split")).toMatchObject({
      severity: "high",
      evidence: { counts: { identifiedUsers: injected.identitySplitUsers, anonymousIds: 2 }, examples: ["anon_1 → u01", "anon_2 → u02"] },
    });
  });

  it("flags purchase-like events without revenue", () => {
    // 5 of 25 purchase-like events (20% ≥ 10%): high.
    expect(finding("purchase-without-revenue")).toMatchObject({
      severity: "high",
      evidence: { counts: { eventsWithoutRevenue: injected.ordersWithoutRevenue, purchaseLikeEvents: injected.purchaseLikeEvents }, examples: ["Order Completed: 5 of 5 without revenue"] },
    });
  });

  it("flags the missing signup and the absent activation event, with candidates", () => {
    expect(finding("no-signup-event")).toMatchObject({ severity: "medium", evidence: { counts: { candidateEvents: 3 }, examples: ["Sign Up", "sign_up", "signup"] } });
    expect(finding("no-activation-event")).toMatchObject({ severity: "medium", title: 'The configured activation event "activation_done" never occurs', evidence: { examples: ["activated"] } });
  });

  it("flags event-name sprawl", () => {
    // signup 20 + 2 (the one-instant users), Sign Up 3, sign_up 2.
    expect(finding("event-name-sprawl")).toMatchObject({
      evidence: { counts: { groups: 1, names: 3 }, examples: ["Sign Up (3) / sign_up (2) / signup (22)"] },
    });
  });

  it("flags the exploding property and not the low-cardinality channel", () => {
    expect(finding("exploding-property-cardinality").evidence.counts).toEqual({ "page_url.distinct": injected.highCardinalityValues, "page_url.rows": injected.highCardinalityValues });
  });

  it("flags future and too-early timestamps and the empty days", () => {
    expect(finding("future-timestamps")).toMatchObject({ severity: "high", evidence: { counts: { futureEvents: injected.futureEvents } } });
    expect(finding("timestamps-before-product")).toMatchObject({ severity: "high", evidence: { counts: { earlyEvents: injected.earlyEvents } } });
    expect(finding("days-without-data")).toMatchObject({
      severity: "high",
      title: "3 days between 2025-03-03 and 2025-04-01 have no events at all",
      evidence: { counts: { emptyDays: 3 }, examples: [...injected.emptyDays] },
    });
  });

  it("flags duplicate bursts and users whose sessions cannot be formed", () => {
    expect(finding("duplicate-bursts")).toMatchObject({
      evidence: {
        counts: { bursts: injected.burstGroups, extraEvents: injected.burstExtraEvents, droppedAtLoad: 0 },
        examples: ["u03 click_export ×4 at 2025-03-06T15:00:00Z", "u03 click_export ×3 at 2025-03-07T16:00:00Z"],
      },
    });
    expect(finding("single-event-users")).toMatchObject({ severity: "low", evidence: { counts: { users: injected.singleEventUsers }, examples: ["solo_1", "solo_2", "solo_3"] } });
    expect(finding("events-at-one-instant")).toMatchObject({ evidence: { counts: { users: injected.oneInstantUsers }, examples: ["batch_1", "batch_2"] } });
  });

  it("finds nothing of high severity in the clean dataset", () => {
    expect(clean.findings.filter((f) => f.severity === "high")).toEqual([]);
    expect(clean.findings.map((f) => f.id)).toEqual([]);
    expect(clean).toMatchObject({ users: 20 });
  });
});
