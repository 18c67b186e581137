import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/seeded-random";
import { DEFAULT_BEHAVIOR_RULES, type BehaviorRulesDefinition } from "../definitions/behavior-rules";
import { comparisonInterval } from "../definitions/condition";
import { compileBehaviorRules, runCompiledRules, scoreBehaviorRules } from "./behavior-rules";
import { createFeatureStore, fromRows, type FeatureStore } from "./feature-store";
import { FIXTURE_AS_OF, featureRow, firstSeenDaysAgo } from "./test-feature-rows";

/*
 * One user per default segment, in rule order (first match wins):
 *   churned-cancel  cancelled (recency 2)                         → Churned (rule 1, "any")
 *   churned-60      recency 60 (exactly N)                        → Churned
 *   dormant         recency 30, also > 5 sessions/week            → Dormant (rule 2 wins over Power)
 *   new             first seen 6 days ago, 1 session              → New (age 6 < 7; One-and-done needs age ≥ 7)
 *   one-and-done    first seen 7 days ago, 1 session              → One-and-done
 *   power           5.5 sessions/week, 3 core features            → Power users
 *   busy            6 sessions/week, 2 core features              → Engaged (Power needs ≥ 3 core; Engaged: ≥ 2/week)
 *   habit           1 session/week, 8 active days of 30           → Engaged (second "any" condition)
 *   casual          1 session/week, 3 active days                 → Casual (fallback)
 *   edge            exactly 5 sessions/week, 4 core features      → Engaged ("> 5" excludes 5)
 */
const rows = Object.freeze([
  featureRow("churned-cancel", { cancelled: 1, recencyDays: 2, sessionsTotal: 9 }),
  featureRow("churned-60", { recencyDays: 60, sessionsTotal: 9 }),
  featureRow("dormant", { recencyDays: 30, sessionsPerWeek: 6, coreFeaturesUsed: 4, sessionsTotal: 40 }),
  featureRow("new", { firstSeen: firstSeenDaysAgo(6), sessionsTotal: 1 }),
  featureRow("one-and-done", { firstSeen: firstSeenDaysAgo(7), sessionsTotal: 1, recencyDays: 7 }),
  featureRow("power", { sessionsPerWeek: 5.5, coreFeaturesUsed: 3, sessionsTotal: 50 }),
  featureRow("busy", { sessionsPerWeek: 6, coreFeaturesUsed: 2, sessionsTotal: 50 }),
  featureRow("habit", { sessionsPerWeek: 1, activeDays30d: 8, sessionsTotal: 12 }),
  featureRow("casual", { sessionsPerWeek: 1, activeDays30d: 3, sessionsTotal: 12 }),
  featureRow("edge", { sessionsPerWeek: 5, coreFeaturesUsed: 4, sessionsTotal: 30 }),
]);

describe("scoreBehaviorRules", () => {
  it("assigns the first matching rule, else the fallback", () => {
    const store = fromRows(rows);
    const result = scoreBehaviorRules(store, DEFAULT_BEHAVIOR_RULES);
    expect(result.segments).toEqual(["Churned", "Dormant", "New", "One-and-done", "Power users", "Engaged", "Casual"]);
    expect([...result.labels].map((label) => result.segments[label])).toEqual([
      "Churned",
      "Churned",
      "Dormant",
      "New",
      "One-and-done",
      "Power users",
      "Engaged",
      "Engaged",
      "Casual",
      "Engaged",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("never matches a condition on a null value", () => {
    const definition: BehaviorRulesDefinition = {
      rules: [
        { name: "Declining", match: "all", conditions: [{ feature: "activity30dVsBaseline", operator: "<", value: 0.5 }] },
        { name: "Not declining", match: "all", conditions: [{ feature: "activity30dVsBaseline", operator: ">=", value: 0.5 }] },
      ],
      fallback: "No baseline",
    };
    const store = fromRows([
      featureRow("a", { activity30dVsBaseline: 0.2 }),
      featureRow("b", { activity30dVsBaseline: null }),
      featureRow("c", { activity30dVsBaseline: 0.5 }),
    ]);
    const result = scoreBehaviorRules(store, definition);
    expect([...result.labels]).toEqual([0, 2, 1]);
  });

  it("warns when a rule reads a feature this dataset does not have", () => {
    const definition: BehaviorRulesDefinition = {
      rules: [{ name: "Back", match: "all", conditions: [{ feature: "returnGapDays30d", operator: ">=", value: 30 }] }],
      fallback: "Others",
    };
    const result = scoreBehaviorRules(fromRows(rows), definition);
    expect(result.warnings).toEqual([
      'Return gap (days) (returnGapDays30d) has no values in this dataset, so its conditions in rule 1 "Back" match no one',
    ]);
    expect(new Set(result.labels)).toEqual(new Set([1]));
  });

  it("takes the as-of date from the options when the store has none", () => {
    const undated = createFeatureStore({
      userIds: ["young", "old"],
      asOf: null,
      columns: { firstSeen: Float64Array.of(firstSeenDaysAgo(2), firstSeenDaysAgo(20)), recencyDays: Float64Array.of(0, 0) },
    });
    const newRule: BehaviorRulesDefinition = {
      rules: [{ name: "New", match: "all", conditions: [{ feature: "ageDays", operator: "<", value: 7 }] }],
      fallback: "Other",
    };
    expect(scoreBehaviorRules(undated, newRule).warnings[0]).toMatch(/needs an as-of date/);
    expect([...scoreBehaviorRules(undated, newRule, { asOf: FIXTURE_AS_OF }).labels]).toEqual([0, 1]);
  });
});

/** A deliberately naive evaluator: per user, per rule, per condition. */
function referenceLabels(store: FeatureStore, definition: BehaviorRulesDefinition): number[] {
  const labels: number[] = [];
  for (let i = 0; i < store.size; i++) {
    let label = definition.rules.length;
    for (let r = 0; r < definition.rules.length; r++) {
      const rule = definition.rules[r]!;
      const tests = rule.conditions.map((condition) => {
        const value = store.columns[condition.feature][i]!;
        const { lo, hi } = comparisonInterval(condition);
        return value >= lo && value <= hi;
      });
      if (rule.match === "all" ? tests.every(Boolean) : tests.some(Boolean)) {
        label = r;
        break;
      }
    }
    labels.push(label);
  }
  return labels;
}


describe("the bitset evaluator", () => {
  it("agrees with a naive per-row evaluator on random data, including a partial last word", () => {
    const random = mulberry32(7);
    const size = 32 * 40 + 13; // not a multiple of 32
    const column = (make: () => number) => Float64Array.from({ length: size }, make);
    const store = createFeatureStore({
      userIds: Array.from({ length: size }, (_, i) => `u${i}`),
      asOf: FIXTURE_AS_OF,
      columns: {
        recencyDays: column(() => Math.floor(random() * 90)),
        cancelled: column(() => +(random() < 0.05)),
        firstSeen: column(() => firstSeenDaysAgo(Math.floor(random() * 30))),
        sessionsTotal: column(() => 1 + Math.floor(random() * 3)),
        sessionsPerWeek: column(() => (random() < 0.1 ? Number.NaN : random() * 8)),
        coreFeaturesUsed: column(() => Math.floor(random() * 5)),
        activeDays30d: column(() => Math.floor(random() * 15)),
      },
    });
    const compiled = compileBehaviorRules(store, DEFAULT_BEHAVIOR_RULES);
    const labels = runCompiledRules(compiled, store.size);
    expect([...labels]).toEqual(referenceLabels(store, DEFAULT_BEHAVIOR_RULES));
    // every segment is exercised
    expect(new Set(labels).size).toBe(7);
  });

  it("handles an empty store", () => {
    const store = fromRows([]);
    expect(scoreBehaviorRules(store, DEFAULT_BEHAVIOR_RULES).labels.length).toBe(0);
  });
});
