/**
 * Behavior rules — Strata's default view. An ordered list of named rules; each
 * user gets the first rule whose conditions hold ("all" = every condition,
 * "any" = at least one), else the fallback segment.
 *
 * Other models that are "rules with parameters" (lifecycle, churn risk) build a
 * definition of this shape and share its compiler, criteria text and checks.
 */
import { z } from "zod";
import { FeatureConditionSchema, featureConditionProblem } from "./condition";
import { describeRuleConditions, findUnreachableRules } from "./rule-coverage";
import { SegmentNameSchema, duplicateNames, type SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

export const RuleSchema = z.strictObject({
  name: SegmentNameSchema,
  /** "all": every condition must hold; "any": one is enough. */
  match: z.enum(["all", "any"]).default("all"),
  conditions: z.array(FeatureConditionSchema).min(1).max(20),
});
export type Rule = z.output<typeof RuleSchema>;

const BehaviorRulesShape = z.strictObject({
  rules: z.array(RuleSchema).min(1).max(100),
  /** Segment of users no rule matches. */
  fallback: SegmentNameSchema,
});

export type BehaviorRulesDefinition = z.output<typeof BehaviorRulesShape>;

/**
 * Problems a structurally valid definition can still have: duplicate names,
 * nonsensical numbers, and rules that can never match. Messages are whole
 * sentences naming the rule.
 */
export function behaviorRulesProblems(definition: BehaviorRulesDefinition): string[] {
  const problems: string[] = [];
  const names = [...definition.rules.map((rule) => rule.name), definition.fallback];
  for (const duplicate of duplicateNames(names)) {
    const [first, ...others] = duplicate.positions;
    for (const position of others) {
      const what = position === definition.rules.length ? `The fallback segment "${names[position]}"` : `Rule ${position + 1} "${names[position]}"`;
      problems.push(`${what} has the same name as rule ${first! + 1}; segment names must be unique`);
    }
  }
  let conditionsSound = true;
  definition.rules.forEach((rule, ruleIndex) => {
    rule.conditions.forEach((condition, conditionIndex) => {
      const problem = featureConditionProblem(condition);
      if (problem) {
        conditionsSound = false;
        problems.push(`Rule ${ruleIndex + 1} "${rule.name}", condition ${conditionIndex + 1}: ${problem}`);
      }
    });
  });
  // Reachability reasons about intervals, which only mean something once every number is sane.
  if (conditionsSound) {
    for (const { message } of findUnreachableRules(definition.rules)) problems.push(message);
  }
  return problems;
}

export const BehaviorRulesDefinitionSchema = BehaviorRulesShape.superRefine((definition, context) => {
  for (const message of behaviorRulesProblems(definition)) context.addIssue({ code: "custom", message });
});

/**
 * The default view, every number editable: churned after 60 days without
 * activity (or a cancel event), dormant after 30 (the month window of DAU/MAU),
 * new during the first week (the Day-7 retention checkpoint).
 */
export const DEFAULT_BEHAVIOR_RULES: BehaviorRulesDefinition = deepFreeze({
  rules: [
    {
      name: "Churned",
      match: "any",
      conditions: [
        { feature: "cancelled", operator: "=", value: 1 },
        { feature: "recencyDays", operator: ">=", value: 60 },
      ],
    },
    { name: "Dormant", match: "all", conditions: [{ feature: "recencyDays", operator: ">=", value: 30 }] },
    { name: "New", match: "all", conditions: [{ feature: "ageDays", operator: "<", value: 7 }] },
    {
      // Only one session and first seen a week or more ago: never came back within 7 days.
      name: "One-and-done",
      match: "all",
      conditions: [
        { feature: "sessionsTotal", operator: "=", value: 1 },
        { feature: "ageDays", operator: ">=", value: 7 },
      ],
    },
    {
      name: "Power users",
      match: "all",
      conditions: [
        { feature: "sessionsPerWeek", operator: ">", value: 5 },
        { feature: "coreFeaturesUsed", operator: ">=", value: 3 },
      ],
    },
    {
      name: "Engaged",
      match: "any",
      conditions: [
        { feature: "sessionsPerWeek", operator: ">=", value: 2 },
        { feature: "activeDays30d", operator: ">=", value: 8 },
      ],
    },
  ],
  fallback: "Casual",
});

export const FALLBACK_CRITERIA = "everyone else (matches none of the rules above)";

/**
 * Each segment's criteria in plain words, in definition order (the fallback last).
 * First match wins, so a rule's users are those of its criteria not already taken above.
 * @example describeBehaviorRulesCriteria(DEFAULT_BEHAVIOR_RULES)[4]
 *   // { segment: "Power users", criteria: "> 5 sessions/week and ≥ 3 core features" }
 */
export function describeBehaviorRulesCriteria(definition: BehaviorRulesDefinition): SegmentCriteria[] {
  return [
    ...definition.rules.map((rule) => ({ segment: rule.name, criteria: describeRuleConditions(rule) })),
    { segment: definition.fallback, criteria: FALLBACK_CRITERIA },
  ];
}

/** Segment names in definition order: the rules, then the fallback. */
export function behaviorRulesSegments(definition: BehaviorRulesDefinition): string[] {
  return [...definition.rules.map((rule) => rule.name), definition.fallback];
}
