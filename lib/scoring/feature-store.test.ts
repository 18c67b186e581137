import { describe, expect, it } from "vitest";
import { DAY_MS, createFeatureStore, fromRows, storeAsOf } from "./feature-store";
import { FIXTURE_AS_OF, featureRow, firstSeenDaysAgo } from "./test-feature-rows";

describe("fromRows", () => {
  it("stores every feature as a Float64Array column with NaN for null and 0/1 for flags", () => {
    const store = fromRows(
      Object.freeze([
        featureRow("u1", { recencyDays: 3, converted: true, cancelled: 0, daysToConvert: 2.5, activity30dVsBaseline: null }),
        featureRow("u2", { recencyDays: 40, converted: false, cancelled: 1, daysToConvert: null, activity30dVsBaseline: 0.25 }),
      ]),
    );
    expect(store.size).toBe(2);
    expect(store.userIds).toEqual(["u1", "u2"]);
    expect(store.asOf).toBe(FIXTURE_AS_OF);
    expect(store.columns.recencyDays).toBeInstanceOf(Float64Array);
    expect([...store.columns.recencyDays]).toEqual([3, 40]);
    expect([...store.columns.converted]).toEqual([1, 0]);
    expect([...store.columns.cancelled]).toEqual([0, 1]);
    expect([...store.columns.daysToConvert]).toEqual([2.5, Number.NaN]);
    expect([...store.columns.activity30dVsBaseline]).toEqual([Number.NaN, 0.25]);
    // optional features the rows do not carry are all null, and known to be missing
    expect([...store.columns.returnGapDays30d]).toEqual([Number.NaN, Number.NaN]);
    expect(store.available.has("returnGapDays30d")).toBe(false);
    expect(store.available.has("recencyDays")).toBe(true);
  });

  it("dictionary-encodes dimensions with a sorted dictionary and −1 for null", () => {
    const store = fromRows([
      featureRow("a", { channel: "referral", plan: "pro" }),
      featureRow("b", { channel: "ads", plan: null }),
      featureRow("c", { channel: null, plan: "pro" }),
      featureRow("d", { channel: "ads", plan: "free" }),
    ]);
    expect(store.dims.channel.dictionary).toEqual(["ads", "referral"]);
    expect([...store.dims.channel.codes]).toEqual([1, 0, -1, 0]);
    expect(store.dims.plan.dictionary).toEqual(["free", "pro"]);
    expect([...store.dims.plan.codes]).toEqual([1, -1, 1, 0]);
  });

  it("derives ageDays as local days from the first-seen day to the as-of day", () => {
    const store = fromRows([
      featureRow("today", { firstSeen: firstSeenDaysAgo(0) }),
      featureRow("week", { firstSeen: firstSeenDaysAgo(7) }),
      featureRow("late", { firstSeen: FIXTURE_AS_OF - 1 }), // 23:59:59.999 on the as-of day
      featureRow("after", { firstSeen: FIXTURE_AS_OF + DAY_MS }), // after as-of: never negative
    ]);
    expect([...store.columns.ageDays]).toEqual([0, 7, 0, 0]);
  });

  it("counts local days in the dataset's timezone", () => {
    // as-of 2026-07-01T04:00Z = midnight in New York (EDT, UTC−4), so the as-of day is June 30 there.
    const asOf = Date.UTC(2026, 6, 1, 4);
    const rows = [
      // 2026-06-30T03:30Z is 23:30 on June 29 in New York: 1 local day before the as-of day (0 in UTC)
      featureRow("evening", { asOf, firstSeen: Date.UTC(2026, 5, 30, 3, 30) }),
      // 2026-06-01T12:00Z is June 1 everywhere: 29 days before June 30
      featureRow("june", { asOf, firstSeen: Date.UTC(2026, 5, 1, 12) }),
    ];
    expect([...fromRows(rows, { timeZone: "America/New_York" }).columns.ageDays]).toEqual([1, 29]);
    // In UTC the as-of day is July 1 (asOf − 1 ms = 03:59:59.999 on July 1): June 30 is 1 day before, June 1 is 30.
    expect([...fromRows(rows).columns.ageDays]).toEqual([1, 30]);
  });

  it("derives the signup month (signup, else first seen) in the dataset's timezone", () => {
    const store = fromRows(
      [
        featureRow("a", { signupAt: Date.UTC(2026, 2, 1, 2), firstSeen: Date.UTC(2026, 1, 1) }), // 1 March 02:00Z = 28 Feb 21:00 EST
        featureRow("b", { signupAt: null, firstSeen: Date.UTC(2026, 3, 15) }),
      ],
      { timeZone: "America/New_York" },
    );
    expect(store.dims.signupMonth.dictionary).toEqual(["2026-02", "2026-04"]);
    expect([...store.dims.signupMonth.codes]).toEqual([0, 1]);
  });

  it("derives daysToActivate from activatedAt and signup (else first seen)", () => {
    const signup = Date.UTC(2026, 4, 1);
    const store = fromRows([
      featureRow("a", { signupAt: signup, activatedAt: signup + 2.5 * DAY_MS }),
      featureRow("b", { signupAt: null, firstSeen: signup, activatedAt: signup + 10 * DAY_MS }),
      featureRow("c", { signupAt: signup }),
    ]);
    expect([...store.columns.daysToActivate]).toEqual([2.5, 10, Number.NaN]);
  });

  it("zero-fills event counts for users who never did the event", () => {
    const store = fromRows([
      featureRow("a", { eventCounts: { view_pricing: 2 } }),
      featureRow("b"),
      featureRow("c", { eventCounts: { invite_teammate: 1 } }),
    ]);
    expect(Object.keys(store.eventCounts ?? {}).sort()).toEqual(["invite_teammate", "view_pricing"]);
    expect([...store.eventCounts!.view_pricing!]).toEqual([2, 0, 0]);
    expect([...store.eventCounts!.invite_teammate!]).toEqual([0, 0, 1]);
  });

  it("refuses rows computed as of different dates", () => {
    expect(() => fromRows([featureRow("a"), featureRow("b", { asOf: FIXTURE_AS_OF + DAY_MS })])).toThrow(
      "Rows were computed as of different dates (2026-06-30T00:00:00.000Z and 2026-07-01T00:00:00.000Z); pass options.asOf or load one snapshot",
    );
  });
});

describe("storeAsOf", () => {
  it("refuses to score features of one date as of another", () => {
    const store = fromRows([featureRow("a")]);
    expect(storeAsOf(store, FIXTURE_AS_OF)).toBe(store);
    expect(storeAsOf(store, undefined)).toBe(store);
    expect(() => storeAsOf(store, FIXTURE_AS_OF + DAY_MS)).toThrow(
      "These features were computed as of 2026-06-30; scoring them as of 2026-07-01 would mix two dates — refresh the features for 2026-07-01 first",
    );
  });

  it("gives a store without a date its ageDays from the scoring date (cached)", () => {
    const store = createFeatureStore({
      userIds: ["a"],
      asOf: null,
      columns: { firstSeen: Float64Array.of(firstSeenDaysAgo(3)) },
    });
    expect(store.available.has("ageDays")).toBe(false);
    const dated = storeAsOf(store, FIXTURE_AS_OF);
    expect([...dated.columns.ageDays]).toEqual([3]);
    expect(dated.available.has("ageDays")).toBe(true);
    expect(storeAsOf(store, FIXTURE_AS_OF)).toBe(dated);
  });

  it("checks column lengths", () => {
    expect(() => createFeatureStore({ userIds: ["a", "b"], asOf: null, columns: { recencyDays: Float64Array.of(1) } })).toThrow(
      "Column recencyDays has 1 values for 2 users",
    );
  });
});
