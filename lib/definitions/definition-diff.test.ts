import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES, type BehaviorRulesDefinition } from "./behavior-rules";
import { describeDefinitionChanges, describePlaybookChanges } from "./definition-diff";
import { DEFAULT_PQL } from "./pql";
import { DEFAULT_RFM } from "./rfm";

/** A deep copy the test may edit (the defaults are frozen). */
function copy<T>(value: T): T {
  return structuredClone(value) as T;
}

describe("describeDefinitionChanges", () => {
  it("says nothing for equal definitions", () => {
    expect(describeDefinitionChanges(DEFAULT_BEHAVIOR_RULES, copy(DEFAULT_BEHAVIOR_RULES))).toEqual([]);
  });

  it("phrases a moved threshold under the rule's name", () => {
    const next = copy(DEFAULT_BEHAVIOR_RULES) as BehaviorRulesDefinition;
    next.rules[4]!.conditions[0] = { feature: "sessionsPerWeek", operator: ">", value: 4 };
    next.rules[1]!.conditions[0] = { feature: "recencyDays", operator: ">=", value: 21 };
    expect(describeDefinitionChanges(DEFAULT_BEHAVIOR_RULES, next)).toEqual([
      "Dormant: recencyDays ≥ 30 → ≥ 21",
      "Power users: sessionsPerWeek > 5 → > 4",
    ]);
  });

  it("names a swapped feature, a changed match mode, added and removed conditions", () => {
    const next = copy(DEFAULT_BEHAVIOR_RULES) as BehaviorRulesDefinition;
    next.rules[5]!.match = "all";
    next.rules[5]!.conditions[1] = { feature: "weeksActive12", operator: "between", min: 4, max: 12 };
    next.rules[4]!.conditions.push({ feature: "converted", operator: "=", value: 1 });
    next.rules[3]!.conditions.pop();
    expect(describeDefinitionChanges(DEFAULT_BEHAVIOR_RULES, next)).toEqual([
      "One-and-done: removed condition ageDays ≥ 7",
      "Power users: added condition converted = 1",
      'Engaged.match: "any" → "all"',
      "Engaged: activeDays30d ≥ 8 → weeksActive12 between 4 and 12",
    ]);
  });

  it("matches rules by name: additions, removals and a new order read as such", () => {
    const next = copy(DEFAULT_BEHAVIOR_RULES) as BehaviorRulesDefinition;
    const [churned, dormant, ...rest] = next.rules;
    next.rules = [dormant!, churned!, ...rest.filter((rule) => rule.name !== "New")];
    next.rules.push({ name: "Trial", match: "all", conditions: [{ feature: "converted", operator: "=", value: 0 }] });
    next.fallback = "Everyone else";
    expect(describeDefinitionChanges(DEFAULT_BEHAVIOR_RULES, next)).toEqual([
      'Removed rule "New"',
      'Added rule "Trial"',
      "Rule order: Churned, Dormant, One-and-done, Power users, Engaged → Dormant, Churned, One-and-done, Power users, Engaged",
      'fallback: "Casual" → "Everyone else"',
    ]);
  });

  it("lists changed RFM cut points and grid cells", () => {
    const next = copy(DEFAULT_RFM);
    next.percentileCutPoints = [0.25, 0.4, 0.6, 0.8];
    next.grid[0]![1] = "Lost";
    next.mode = "threshold";
    expect(describeDefinitionChanges(DEFAULT_RFM, next)).toEqual([
      'mode: "percentile" → "threshold"',
      "percentileCutPoints: 0.2, 0.4, 0.6, 0.8 → 0.25, 0.4, 0.6, 0.8",
      'Grid R1 F2: "Hibernating" → "Lost"',
    ]);
  });

  it("names labelled PQL criteria and numbers unlabelled ones", () => {
    const next = copy(DEFAULT_PQL);
    next.criteria[1]!.points = 35;
    next.qualifyAt = 90;
    expect(describeDefinitionChanges(DEFAULT_PQL, next)).toEqual(["qualifyAt: 80 → 90", "Invited a teammate.points: 25 → 35"]);

    const unlabelled = copy(DEFAULT_PQL);
    for (const criterion of unlabelled.criteria) delete criterion.label;
    const edited = copy(unlabelled);
    edited.criteria[3]!.when = { event: "view_pricing", operator: ">=", value: 2 };
    expect(describeDefinitionChanges(unlabelled, edited)).toEqual(["Criterion 4.when: “view_pricing” count ≥ 1 → ≥ 2"]);
  });
});

describe("describePlaybookChanges", () => {
  it("lists changed, added and removed actions", () => {
    expect(
      describePlaybookChanges({ Lost: "Leave them", Champions: "Reward them" }, { Lost: "One last offer", "Power users": "Upsell" }),
    ).toEqual([
      'Playbook "Lost": "Leave them" → "One last offer"',
      'Playbook "Champions": "Reward them" → (none)',
      'Playbook "Power users": (none) → "Upsell"',
    ]);
    expect(describePlaybookChanges(null, null)).toEqual([]);
  });
});
