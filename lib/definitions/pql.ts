/**
 * Product-qualified leads: users whose product behavior says they are ready
 * for a sales conversation.
 *
 * - mode "all": qualified when every criterion holds (binary PQL).
 * - mode "points": each criterion that holds adds its points; qualified at
 *   ≥ qualifyAt (80 by default, out of 100).
 * A criterion reads a feature ("≥ 3 core features") or an event count in the
 * feature window ("did “invite_teammate”").
 */
import { z } from "zod";
import {
  EventConditionSchema,
  FeatureConditionSchema,
  describeEventCondition,
  describeFeatureCondition,
  eventConditionProblem,
  featureConditionProblem,
  finiteNumber,
  type EventCondition,
  type FeatureCondition,
} from "./condition";
import { formatNumber } from "./plain-numbers";
import type { SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

export const PqlCriterionSchema = z.strictObject({
  /** How the criterion is shown; the condition's own words when omitted. */
  label: z.string().trim().min(1).max(80).optional(),
  when: z.union([FeatureConditionSchema, EventConditionSchema]),
  /** Points added when the criterion holds (points mode). */
  points: finiteNumber,
});
export type PqlCriterion = z.output<typeof PqlCriterionSchema>;

const PqlShape = z.strictObject({
  mode: z.enum(["all", "points"]),
  criteria: z.array(PqlCriterionSchema).min(1).max(30),
  /** Points needed to qualify (points mode). */
  qualifyAt: finiteNumber,
});

export type PqlDefinition = z.output<typeof PqlShape>;

export const PQL_SEGMENTS = ["Product-qualified", "Not qualified"] as const;

export function isEventCondition(condition: FeatureCondition | EventCondition): condition is EventCondition {
  return "event" in condition;
}

export function describeCriterionCondition(condition: FeatureCondition | EventCondition): string {
  return isEventCondition(condition) ? describeEventCondition(condition) : describeFeatureCondition(condition);
}

export function criterionLabel(criterion: PqlCriterion): string {
  return criterion.label ?? describeCriterionCondition(criterion.when);
}

export function pqlProblems(definition: PqlDefinition): string[] {
  const problems: string[] = [];
  definition.criteria.forEach((criterion, index) => {
    const condition = criterion.when;
    const problem = isEventCondition(condition) ? eventConditionProblem(condition) : featureConditionProblem(condition);
    if (problem) problems.push(`Criterion ${index + 1} "${criterionLabel(criterion)}": ${problem}`);
  });
  if (definition.mode === "points") {
    const reachable = definition.criteria.reduce((sum, criterion) => sum + Math.max(0, criterion.points), 0);
    if (reachable < definition.qualifyAt) {
      problems.push(
        `No user can qualify: the criteria add up to at most ${formatNumber(reachable)} points, below the qualifying ${formatNumber(definition.qualifyAt)}`,
      );
    }
  }
  return problems;
}

export const PqlDefinitionSchema = PqlShape.superRefine((definition, context) => {
  for (const message of pqlProblems(definition)) context.addIssue({ code: "custom", message });
});

/**
 * Points add up to 100 and 80 qualifies: a user may skip the pricing page (85)
 * or the active-days habit (90), but not the teammate invite (75).
 * Event names are those of the demo dataset; edit them to match yours.
 */
export const DEFAULT_PQL: PqlDefinition = deepFreeze({
  mode: "points",
  qualifyAt: 80,
  criteria: [
    { label: "Uses ≥ 3 core features", when: { feature: "coreFeaturesUsed", operator: ">=", value: 3 }, points: 30 },
    { label: "Invited a teammate", when: { event: "invite_teammate", operator: ">=", value: 1 }, points: 25 },
    { label: "≥ 3 sessions a week", when: { feature: "sessionsPerWeek", operator: ">=", value: 3 }, points: 20 },
    { label: "Viewed pricing", when: { event: "view_pricing", operator: ">=", value: 1 }, points: 15 },
    { label: "Active ≥ 8 of the last 30 days", when: { feature: "activeDays30d", operator: ">=", value: 8 }, points: 10 },
  ],
});

export function describePqlCriteria(definition: PqlDefinition): SegmentCriteria[] {
  const labels = definition.criteria.map(criterionLabel);
  if (definition.mode === "all") {
    return [
      { segment: "Product-qualified", criteria: `all of: ${labels.join("; ")}` },
      { segment: "Not qualified", criteria: "misses at least one criterion" },
    ];
  }
  const points = definition.criteria
    .map((criterion, index) => `${labels[index]} ${criterion.points >= 0 ? "+" : "−"}${formatNumber(Math.abs(criterion.points))}`)
    .join(", ");
  return [
    { segment: "Product-qualified", criteria: `≥ ${formatNumber(definition.qualifyAt)} points (${points})` },
    { segment: "Not qualified", criteria: `< ${formatNumber(definition.qualifyAt)} points` },
  ];
}
