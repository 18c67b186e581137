import { describe, expect, it } from "vitest";
import { behaviorNotes, describeFeatureValue } from "./behavior-notes";
import { fromRows } from "./feature-store";
import { featureRow } from "./test-feature-rows";

/*
 *   user  segment   sessions/week  core  active days (30)  recency  monetary  converted  cancelled
 *   p1    Power          6          4          20             0       100        1          0
 *   p2    Power          7          3          22             1       300        1          0
 *   c1    Casual         1          1           3             5         0        0          1
 *   c2    Casual         0.5        0           1             9         0        0          0
 *   c3    Casual         2          2           4             2        50        1          0
 *   (Dormant: nobody)
 *
 * All users: 3 of 5 converted = 60%; 1 of 5 cancelled = 20%.
 * Power:  medians (6 + 7)/2 = 6.5, (4 + 3)/2 = 3.5, 21, 0.5, 200; converted 2/2 = 100% → 100/60 ≈ 1.7×; cancelled 0%
 * Casual: medians of 0.5 1 2 → 1; 0 1 2 → 1; 1 3 4 → 3; 2 5 9 → 5; 0 0 50 → 0;
 *         converted 1/3 = 33.3% → 33.3/60 ≈ 0.6×; cancelled 1/3 = 33.3%
 */
const rows = Object.freeze([
  featureRow("p1", { sessionsPerWeek: 6, coreFeaturesUsed: 4, activeDays30d: 20, recencyDays: 0, monetary: 100, converted: 1 }),
  featureRow("p2", { sessionsPerWeek: 7, coreFeaturesUsed: 3, activeDays30d: 22, recencyDays: 1, monetary: 300, converted: 1 }),
  featureRow("c1", { sessionsPerWeek: 1, coreFeaturesUsed: 1, activeDays30d: 3, recencyDays: 5, cancelled: 1 }),
  featureRow("c2", { sessionsPerWeek: 0.5, coreFeaturesUsed: 0, activeDays30d: 1, recencyDays: 9 }),
  featureRow("c3", { sessionsPerWeek: 2, coreFeaturesUsed: 2, activeDays30d: 4, recencyDays: 2, monetary: 50, converted: 1 }),
]);
const store = fromRows(rows);
const segmentation = Object.freeze({ labels: Uint16Array.of(0, 0, 1, 1, 1), segments: ["Power users", "Casual", "Dormant"] });

describe("behaviorNotes", () => {
  it("summarises each segment with medians, conversion against the average and cancellations", () => {
    const notes = behaviorNotes(store, segmentation);
    expect(notes.usersInView).toBe(5);
    expect(notes.conversionRate).toBe(0.6);
    expect(notes.cancelledRate).toBe(0.2);
    const [power, casual, dormant] = notes.segments;
    expect(power!.medians).toEqual({ sessionsPerWeek: 6.5, coreFeaturesUsed: 3.5, activeDays30d: 21, recencyDays: 0.5, monetary: 200 });
    expect(power!.conversionLift).toBeCloseTo(1 / 0.6, 12);
    expect(power!.notes).toEqual([
      "Typical user: 6.5 sessions/week, 3.5 core features, 21 active days in the last 30, recency 0.5 days, monetary value 200",
      "Converts 1.7× the average (100% vs 60%)",
      "0% cancelled",
    ]);
    expect(casual!.medians).toEqual({ sessionsPerWeek: 1, coreFeaturesUsed: 1, activeDays30d: 3, recencyDays: 5, monetary: 0 });
    expect(casual!.notes).toEqual([
      "Typical user: 1 session/week, 1 core feature, 3 active days in the last 30, recency 5 days, monetary value 0",
      "Converts 0.6× the average (33.3% vs 60%)",
      "33.3% cancelled",
    ]);
    expect(dormant!.users).toBe(0);
    expect(dormant!.conversionRate).toBeNaN();
    expect(dormant!.conversionLift).toBeNull();
    expect(dormant!.notes).toEqual(["No users in this view"]);
  });

  it("compares with the users in view when filtered", () => {
    // without p2: 2 of 4 converted = 50%; Power = p1 alone, 100% → 2×
    const notes = behaviorNotes(store, segmentation, { filterMask: Uint8Array.of(1, 0, 1, 1, 1), features: ["sessionsPerWeek"] });
    expect(notes.usersInView).toBe(4);
    expect(notes.segments[0]!.notes).toEqual(["Typical user: 6 sessions/week", "Converts 2× the average (100% vs 50%)", "0% cancelled"]);
  });

  it("says so when nobody in view converted, and leaves out cancellations when none are recorded", () => {
    const quiet = fromRows([featureRow("a", { sessionsPerWeek: 1 }), featureRow("b", { sessionsPerWeek: 3 })]);
    const notes = behaviorNotes(quiet, { labels: Uint16Array.of(0, 0), segments: ["Everyone"] }, { features: ["sessionsPerWeek"] });
    expect(notes.segments[0]!.notes).toEqual(["Typical user: 2 sessions/week", "No one in this view converted"]);
  });
});

describe("describeFeatureValue", () => {
  it("phrases a value with its unit", () => {
    expect(describeFeatureValue("sessionsPerWeek", 1)).toBe("1 session/week");
    expect(describeFeatureValue("recencyDays", 12)).toBe("recency 12 days");
    expect(describeFeatureValue("activity30dVsBaseline", 0.75)).toBe("last-30-day activity vs baseline 0.8×");
    expect(describeFeatureValue("converted", 1)).toBe("converted");
  });
});
