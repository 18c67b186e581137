import { describe, expect, it } from "vitest";
import { fromRows } from "../scoring/feature-store";
import { featureRow } from "../scoring/test-feature-rows";
import { recommend } from "./recommend";
import { DEFAULT_RECOMMENDATION_RULES, recommendationRulesSchema } from "./recommendation-rules";
import { segmentStats } from "./segment-stats";

/**
 * Two segments worked out by hand (100 users, all first seen 100 days ago):
 *   A (40): active 30 of 30 days (7 days/week), 5 sessions/week, 3 core features, none converted, all retained, recency 1
 *   B (60): active 3 of 30 days (0.7/week), 0.5 sessions/week, no core feature, 30 converted (spent 100 each), none retained, recency 20
 * Everyone: conversion 30/100 = 30%, retained 40/100 = 40%, mean spend 3,000/100 = 30.
 *   A: conversion lift 0 → upsell (active 7 ≥ 2 days/week, lift ≤ 0.5); retention lift 2.5 and 7 days/week → advocates
 *   B: 60% of users, retention lift 0 → leaky bucket; recency 20 → re-engage; 100% without a core feature → first core feature;
 *      conversion lift 50%/30% = 1.67 (< 2: no fast-track); spend lift 50/30 = 1.67 (< 2: no win-back); 0.5 sessions/week (< 1: no second-feature nudge)
 */
function fixture() {
  const rows = [
    ...Array.from({ length: 40 }, (_, i) =>
      featureRow(`a${i}`, { activeDays30d: 30, sessionsPerWeek: 5, coreFeaturesUsed: 3, retained: 1, recencyDays: 1 }),
    ),
    ...Array.from({ length: 60 }, (_, i) =>
      featureRow(`b${i}`, { activeDays30d: 3, sessionsPerWeek: 0.5, coreFeaturesUsed: 0, converted: i < 30 ? 1 : 0, monetary: i < 30 ? 100 : 0, retained: 0, recencyDays: 20 }),
    ),
  ];
  const store = fromRows(rows);
  const labels = Uint16Array.from(rows, (row) => (row.userId.startsWith("a") ? 0 : 1));
  return { store, segmentation: { labels, segments: ["A", "B"] } };
}

describe("segmentStats", () => {
  it("computes medians, rates and lifts by hand", () => {
    const { store, segmentation } = fixture();
    const { overall, segments } = segmentStats(store, segmentation);
    expect(overall).toMatchObject({ users: 100, share: 1, conversionRate: 0.3, retainedRate: 0.4, monetary: 30, conversionLift: 1 });
    expect(segments[0]!.stats).toMatchObject({ users: 40, share: 0.4, activeDaysPerWeek: 7, sessionsPerWeek: 5, coreFeaturesUsed: 3, conversionRate: 0, conversionLift: 0, retainedRate: 1, retentionLift: 2.5, noCoreFeatureShare: 0 });
    expect(segments[1]!.stats).toMatchObject({ users: 60, share: 0.6, conversionRate: 0.5, retainedRate: 0, recencyDays: 20, monetary: 50, noCoreFeatureShare: 1 });
    expect(segments[1]!.stats.activeDaysPerWeek).toBeCloseTo(0.7, 10);
    expect(segments[1]!.stats.conversionLift).toBeCloseTo(5 / 3, 10);
    // Nobody cancelled: a lift over a 0% rate has no meaning.
    expect(segments[0]!.stats.cancelLift).toBeNaN();
  });

  it("judges day-28 retention only on users first seen 28 or more days ago", () => {
    const store = fromRows([
      featureRow("old", { retained: 1 }),
      featureRow("young", { retained: 0, firstSeen: Date.UTC(2026, 5, 20) }),
    ]);
    const { overall } = segmentStats(store, { labels: Uint16Array.of(0, 0), segments: ["All"] });
    expect(overall.retainedRate).toBe(1);
  });

  it("says nothing about feature breadth when nobody used a core feature (none configured)", () => {
    const store = fromRows([featureRow("a", { coreFeaturesUsed: 0 }), featureRow("b", { coreFeaturesUsed: 0 })]);
    const { overall, segments } = segmentStats(store, { labels: Uint16Array.of(0, 0), segments: ["All"] });
    expect(overall.noCoreFeatureShare).toBeNaN();
    expect(segments[0]!.stats.coreFeaturesUsed).toBeNaN();
  });
});

describe("recommend", () => {
  it("fires the default rules that hold and cites the numbers", () => {
    const { store, segmentation } = fixture();
    const recommendations = recommend(DEFAULT_RECOMMENDATION_RULES, segmentStats(store, segmentation));
    expect(recommendations.map((r) => [r.category, r.ruleId, r.segment])).toEqual([
      ["lifecycle", "leaky-bucket", "B"],
      ["lifecycle", "re-engage-lapsing", "B"],
      ["lifecycle", "advocates", "A"],
      ["feature-adoption", "first-core-feature", "B"],
      ["monetization", "upsell-engaged-non-payers", "A"],
    ]);
    expect(recommendations.map((r) => r.finding)).toEqual([
      "B is 60% of users and keeps 0% past day 28 (everyone: 40%)",
      "The typical B user was last seen 20 days ago",
      "A keeps 100% past day 28 (everyone: 40%) and is active 7 days a week",
      "100% of B never used a core feature",
      "A uses the product 7 days a week, yet only 0% converted (everyone: 30%)",
    ]);
    expect(recommendations[4]!.evidence).toEqual(["activeDaysPerWeek 7 ≥ 2", "conversionLift 0× ≤ 0.5×"]);
    expect(recommendations[4]!.audience).toEqual(["Product", "Sales"]);
  });

  it("skips segments smaller than a rule's minimum", () => {
    const { store, segmentation } = fixture();
    const rules = DEFAULT_RECOMMENDATION_RULES.map((rule) => ({ ...rule, minUsers: 50 }));
    expect(new Set(recommend(rules, segmentStats(store, segmentation)).map((r) => r.segment))).toEqual(new Set(["B"]));
  });
});

describe("recommendationRulesSchema", () => {
  it("accepts the defaults and names what is wrong in an edited playbook", () => {
    expect(recommendationRulesSchema.safeParse(DEFAULT_RECOMMENDATION_RULES).success).toBe(true);
    const broken = [
      { ...DEFAULT_RECOMMENDATION_RULES[0]!, message: "{segment} has {happiness}" },
      { ...DEFAULT_RECOMMENDATION_RULES[0]! },
    ];
    const result = recommendationRulesSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([
      'Rule "upsell-engaged-non-payers": unknown placeholder {happiness}',
      'Two rules share the id "upsell-engaged-non-payers"',
    ]);
  });
});
