import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES, behaviorRulesProblems, describeBehaviorRulesCriteria, type BehaviorRulesDefinition } from "./behavior-rules";
import { deepFreeze } from "./deep-freeze";
import { validateDefinition } from "./models";

describe("default behavior rules", () => {
  it("is valid and has no unreachable rule", () => {
    expect(behaviorRulesProblems(DEFAULT_BEHAVIOR_RULES)).toEqual([]);
    expect(validateDefinition("behavior-rules", DEFAULT_BEHAVIOR_RULES)).toEqual({ ok: true, definition: DEFAULT_BEHAVIOR_RULES });
  });

  it("reads as plain criteria per segment", () => {
    expect(describeBehaviorRulesCriteria(DEFAULT_BEHAVIOR_RULES)).toEqual([
      { segment: "Churned", criteria: "cancelled or recency ≥ 60 days" },
      { segment: "Dormant", criteria: "recency ≥ 30 days" },
      { segment: "New", criteria: "first seen < 7 days ago" },
      { segment: "One-and-done", criteria: "exactly 1 session in total and first seen ≥ 7 days ago" },
      { segment: "Power users", criteria: "> 5 sessions/week and ≥ 3 core features" },
      { segment: "Engaged", criteria: "≥ 2 sessions/week or ≥ 8 active days in the last 30" },
      { segment: "Casual", criteria: "everyone else (matches none of the rules above)" },
    ]);
  });
});

describe("validateDefinition('behavior-rules')", () => {
  const base = (rules: unknown, fallback: unknown = "Casual") => deepFreeze({ rules, fallback });

  it("names an unknown feature and suggests the right one", () => {
    const result = validateDefinition(
      "behavior-rules",
      base([{ name: "Dormant", conditions: [{ feature: "recency", operator: ">=", value: 30 }] }]),
    );
    expect(result).toEqual({ ok: false, errors: ['Rule 1 "Dormant", condition 1: unknown feature "recency" — did you mean "recencyDays"?'] });
  });

  it("rejects NaN and Infinity values", () => {
    const result = validateDefinition(
      "behavior-rules",
      base([
        { name: "A", conditions: [{ feature: "recencyDays", operator: ">=", value: Number.NaN }] },
        { name: "B", conditions: [{ feature: "sessionsPerWeek", operator: ">", value: Number.POSITIVE_INFINITY }] },
      ]),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Rule 1 "A", condition 1: value must be a finite number (got NaN)',
        'Rule 2 "B", condition 1: value must be a finite number (got Infinity)',
      ],
    });
  });

  it("rejects negative days and min > max", () => {
    const result = validateDefinition(
      "behavior-rules",
      base([
        { name: "Recent", conditions: [{ feature: "recencyDays", operator: "<", value: -3 }] },
        { name: "Middle", conditions: [{ feature: "recencyDays", operator: "between", min: 60, max: 30 }] },
      ]),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Rule 1 "Recent", condition 1: recency cannot be negative (got −3 days)',
        'Rule 2 "Middle", condition 1: between needs min ≤ max (got min 60, max 30)',
      ],
    });
  });

  it("rejects unreachable rules with the rule names", () => {
    const definition: BehaviorRulesDefinition = {
      rules: [
        { name: "Churned", match: "any", conditions: [{ feature: "cancelled", operator: "=", value: 1 }] },
        { name: "Dormant 30", match: "all", conditions: [{ feature: "recencyDays", operator: ">=", value: 30 }] },
        { name: "Power", match: "all", conditions: [{ feature: "sessionsPerWeek", operator: ">", value: 5 }] },
        { name: "Dormant", match: "all", conditions: [{ feature: "recencyDays", operator: ">=", value: 45 }] },
      ],
      fallback: "Casual",
    };
    expect(validateDefinition("behavior-rules", deepFreeze(definition))).toEqual({
      ok: false,
      errors: ['Rule 4 "Dormant" can never match: every user with recency ≥ 45 days already matches rule 2 "Dormant 30"'],
    });
  });

  it("reports structural problems with their place", () => {
    const result = validateDefinition(
      "behavior-rules",
      deepFreeze({
        rules: [
          { name: "", conditions: [{ feature: "recencyDays", operator: "~", value: 1 }] },
          { name: "Empty", conditions: [] },
          { name: "Typo", conditions: [{ feature: "recencyDays", operator: ">=", value: 1, unit: "days" }] },
          { name: "Half", conditions: [{ feature: "recencyDays", operator: "between", min: 1 }] },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      "Rule 1: name must not be empty",
      'Rule 1, condition 1: operator must be one of ">", ">=", "<", "<=", "=", "between" (got "~")',
      'Rule 2 "Empty": conditions needs at least 1 entry',
      'Rule 3 "Typo", condition 1: unexpected field "unit"',
      'Rule 4 "Half", condition 1: max is missing',
      "Fallback is missing",
    ]);
  });

  it("rejects duplicate segment names", () => {
    const result = validateDefinition(
      "behavior-rules",
      base(
        [
          { name: "Dormant", conditions: [{ feature: "recencyDays", operator: ">=", value: 30 }] },
          { name: "dormant", conditions: [{ feature: "sessionsPerWeek", operator: ">", value: 5 }] },
        ],
        "Dormant",
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Rule 2 "dormant" has the same name as rule 1; segment names must be unique',
        'The fallback segment "Dormant" has the same name as rule 1; segment names must be unique',
      ],
    });
  });

  it("defaults match to all", () => {
    const result = validateDefinition("behavior-rules", base([{ name: "Dormant", conditions: [{ feature: "recencyDays", operator: ">=", value: 30 }] }]));
    expect(result.ok && result.definition.rules[0]!.match).toBe("all");
  });
});
