import { describe, expect, it } from "vitest";
import type { FeatureCondition } from "./condition";
import { findUnreachableRules, type RuleShape } from "./rule-coverage";

const rule = (name: string, conditions: FeatureCondition[], match: "all" | "any" = "all"): RuleShape =>
  Object.freeze({ name, match, conditions });
const recency = (operator: ">=" | "<" | ">" | "<=", value: number): FeatureCondition => ({ feature: "recencyDays", operator, value });

describe("findUnreachableRules", () => {
  it("reports a later threshold on the same feature that an earlier one already covers", () => {
    const rules = [
      rule("Churned", [{ feature: "cancelled", operator: "=", value: 1 }]),
      rule("Dormant 30", [recency(">=", 30)]),
      rule("Power", [{ feature: "sessionsPerWeek", operator: ">", value: 5 }]),
      rule("Dormant", [recency(">=", 45)]),
    ];
    expect(findUnreachableRules(rules)).toEqual([
      {
        ruleIndex: 3,
        message: 'Rule 4 "Dormant" can never match: every user with recency ≥ 45 days already matches rule 2 "Dormant 30"',
      },
    ]);
  });

  it("reports identical rules", () => {
    const conditions: FeatureCondition[] = [
      { feature: "sessionsPerWeek", operator: ">", value: 5 },
      { feature: "coreFeaturesUsed", operator: ">=", value: 3 },
    ];
    const problems = findUnreachableRules([rule("Power users", conditions), rule("Power users again", conditions)]);
    expect(problems.map((p) => p.message)).toEqual([
      'Rule 2 "Power users again" can never match: every user with > 5 sessions/week and ≥ 3 core features already matches rule 1 "Power users"',
    ]);
  });

  it("sees that adding a condition to an earlier single condition narrows, never widens", () => {
    // rule 2 = recency ≥ 30 AND ≥ 3 core features: a subset of rule 1 (recency ≥ 30)
    const problems = findUnreachableRules([
      rule("Dormant", [recency(">=", 30)]),
      rule("Dormant power", [recency(">=", 40), { feature: "coreFeaturesUsed", operator: ">=", value: 3 }]),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('already matches rule 1 "Dormant"');
  });

  it("does not report rules that still have users of their own", () => {
    expect(
      findUnreachableRules([
        rule("Dormant 45", [recency(">=", 45)]),
        rule("Dormant 30", [recency(">=", 30)]), // 30–44 days remain
        rule("Power", [{ feature: "sessionsPerWeek", operator: ">", value: 5 }, { feature: "coreFeaturesUsed", operator: ">=", value: 3 }]),
        rule("Busy", [{ feature: "sessionsPerWeek", operator: ">", value: 5 }]), // > 5 sessions but < 3 core features remain
      ]),
    ).toEqual([]);
  });

  it("combines earlier single-feature rules that together cover a range (integers: ≤ 5 and ≥ 6 leave no gap)", () => {
    const problems = findUnreachableRules([
      rule("Recent", [recency("<=", 5)]),
      rule("Lapsed", [recency(">", 5)]),
      rule("Everyone", [recency(">=", 0)]),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Rule 3 "Everyone" can never match: every user with recency ≥ 0 days already matches rule 1 "Recent" or rule 2 "Lapsed"',
    ]);
  });

  it("does not combine ranges of a fractional feature that leave a gap", () => {
    // sessionsPerWeek ≤ 5 and > 5.5 leave (5, 5.5]
    expect(
      findUnreachableRules([
        rule("Low", [{ feature: "sessionsPerWeek", operator: "<=", value: 5 }]),
        rule("High", [{ feature: "sessionsPerWeek", operator: ">", value: 5.5 }]),
        rule("Any", [{ feature: "sessionsPerWeek", operator: ">=", value: 0 }]),
      ]),
    ).toEqual([]);
  });

  it("checks every alternative of an 'any' rule", () => {
    const problems = findUnreachableRules([
      rule("Dormant", [recency(">=", 30)]),
      rule("Cancelled", [{ feature: "cancelled", operator: "=", value: 1 }]),
      rule("Gone", [recency(">=", 60), { feature: "cancelled", operator: "=", value: 1 }], "any"),
      rule("Gone or power", [recency(">=", 60), { feature: "sessionsPerWeek", operator: ">", value: 5 }], "any"),
    ]);
    expect(problems.map((p) => p.ruleIndex)).toEqual([2]);
    expect(problems[0]!.message).toBe(
      'Rule 3 "Gone" can never match: every user with recency ≥ 60 days or cancelled already matches rule 1 "Dormant" or rule 2 "Cancelled"',
    );
  });

  it("reports contradictions inside one rule and values outside a feature's range", () => {
    const problems = findUnreachableRules([
      rule("Odd", [{ feature: "sessionsPerWeek", operator: ">", value: 5 }, { feature: "sessionsPerWeek", operator: "<", value: 2 }]),
      rule("Impossible", [{ feature: "activeDays7d", operator: ">=", value: 8 }]),
      rule("Yes and no", [{ feature: "cancelled", operator: "=", value: 1 }, { feature: "cancelled", operator: "=", value: 0 }]),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Rule 1 "Odd" can never match: > 5 sessions/week and < 2 sessions/week cannot all hold at once',
      'Rule 2 "Impossible" can never match: no user has ≥ 8 active days in the last 7',
      'Rule 3 "Yes and no" can never match: cancelled and not cancelled cannot all hold at once',
    ]);
  });
});
