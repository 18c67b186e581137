/**
 * Lifecycle stages: where each user is in their life with the product, as of
 * the date. The stages are a fixed vocabulary; the numbers are editable.
 *
 * Checked in this order, first match wins (so a stage's users are those of its
 * criteria not already in an earlier stage):
 *   1. Churned       cancelled, or no activity for ≥ churnedAfterDays
 *   2. Dormant       no activity for ≥ dormantAfterDays
 *   3. Resurrected   came back in the last 30 days after ≥ resurrectedAfterGapDays away
 *                    (PostHog/Amplitude "resurrecting": inactive before, active again now)
 *   4. At risk       no activity for ≥ atRisk.inactiveDays, or last-30-day activity
 *                    below atRisk.activityVsBaselineBelow × the user's own baseline
 *   5. Engaged       active in ≥ engagedMinWeeksActive12 of the last 12 weeks
 *   6. Activated     activated within activation.withinDays of signup
 *   7. New           first seen < newWithinDays ago (and not yet activated)
 *   8. Not activated everyone else: past the first days, never activated in time, not (yet) engaged
 *
 * Needs activatedAt (→ daysToActivate) and returnGapDays30d (user_features
 * columns, see lib/features/feature-sql.ts). Without values (no activation
 * event configured, or features not refreshed since those columns were added)
 * nobody is Activated or Resurrected, and the scorer says so.
 *
 * The stages compile to a behavior-rules definition, so they share its
 * evaluator, criteria text and checks.
 */
import { z } from "zod";
import type { BehaviorRulesDefinition, Rule } from "./behavior-rules";
import { describeBehaviorRulesCriteria } from "./behavior-rules";
import { finiteNumber } from "./condition";
import { formatNumber } from "./plain-numbers";
import type { SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

const Days = finiteNumber;

const LifecycleShape = z.strictObject({
  newWithinDays: Days,
  activation: z.strictObject({ withinDays: Days }),
  engagedMinWeeksActive12: finiteNumber,
  atRisk: z.strictObject({ inactiveDays: Days, activityVsBaselineBelow: finiteNumber }),
  dormantAfterDays: Days,
  churnedAfterDays: Days,
  cancelledCountsAsChurned: z.boolean().default(true),
  resurrectedAfterGapDays: Days,
});

export type LifecycleDefinition = z.output<typeof LifecycleShape>;

export const LIFECYCLE_STAGES = [
  "Churned",
  "Dormant",
  "Resurrected",
  "At risk",
  "Engaged",
  "Activated",
  "New",
  "Not activated",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export function lifecycleProblems(definition: LifecycleDefinition): string[] {
  const problems: string[] = [];
  const days: [string, number][] = [
    ["newWithinDays", definition.newWithinDays],
    ["activation.withinDays", definition.activation.withinDays],
    ["atRisk.inactiveDays", definition.atRisk.inactiveDays],
    ["dormantAfterDays", definition.dormantAfterDays],
    ["churnedAfterDays", definition.churnedAfterDays],
    ["resurrectedAfterGapDays", definition.resurrectedAfterGapDays],
  ];
  for (const [name, value] of days) {
    if (value < 1) problems.push(`${name} must be at least 1 day (got ${formatNumber(value)})`);
  }
  const weeks = definition.engagedMinWeeksActive12;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 12) {
    problems.push(`engagedMinWeeksActive12 must be a whole number of weeks from 1 to 12 (got ${formatNumber(weeks)})`);
  }
  const ratio = definition.atRisk.activityVsBaselineBelow;
  if (ratio <= 0) {
    problems.push(`atRisk.activityVsBaselineBelow must be above 0 (got ${formatNumber(ratio)}); 0.5 means "less than half as active as usual"`);
  }
  const { inactiveDays } = definition.atRisk;
  if (inactiveDays >= definition.dormantAfterDays) {
    problems.push(
      `"At risk" after ${formatNumber(inactiveDays)} inactive days can never match: users are already "Dormant" after ${formatNumber(definition.dormantAfterDays)} days — make atRisk.inactiveDays smaller than dormantAfterDays`,
    );
  }
  if (definition.dormantAfterDays >= definition.churnedAfterDays) {
    problems.push(
      `"Dormant" after ${formatNumber(definition.dormantAfterDays)} days can never match: users are already "Churned" after ${formatNumber(definition.churnedAfterDays)} days — make dormantAfterDays smaller than churnedAfterDays`,
    );
  }
  return problems;
}

export const LifecycleDefinitionSchema = LifecycleShape.superRefine((definition, context) => {
  for (const message of lifecycleProblems(definition)) context.addIssue({ code: "custom", message });
});

/**
 * Defaults: new for the first week; activated when the activation event came
 * within 7 days of signup; engaged when active in at least half of the last 12
 * weeks; at risk after 14 quiet days or at under half the usual activity;
 * dormant after 30 days, churned after 60 (as the default behavior rules);
 * resurrected after a 30-day absence, the dormancy threshold.
 */
export const DEFAULT_LIFECYCLE: LifecycleDefinition = deepFreeze({
  newWithinDays: 7,
  activation: { withinDays: 7 },
  engagedMinWeeksActive12: 6,
  atRisk: { inactiveDays: 14, activityVsBaselineBelow: 0.5 },
  dormantAfterDays: 30,
  churnedAfterDays: 60,
  cancelledCountsAsChurned: true,
  resurrectedAfterGapDays: 30,
});

/** The stages as ordered rules (fallback "Not activated"). */
export function lifecycleRules(definition: LifecycleDefinition): BehaviorRulesDefinition {
  const churned: Rule = {
    name: "Churned",
    match: "any",
    conditions: [
      ...(definition.cancelledCountsAsChurned ? [{ feature: "cancelled", operator: "=", value: 1 } as const] : []),
      { feature: "recencyDays", operator: ">=", value: definition.churnedAfterDays },
    ],
  };
  return {
    rules: [
      churned,
      { name: "Dormant", match: "all", conditions: [{ feature: "recencyDays", operator: ">=", value: definition.dormantAfterDays }] },
      {
        name: "Resurrected",
        match: "all",
        conditions: [{ feature: "returnGapDays30d", operator: ">=", value: definition.resurrectedAfterGapDays }],
      },
      {
        name: "At risk",
        match: "any",
        conditions: [
          { feature: "recencyDays", operator: ">=", value: definition.atRisk.inactiveDays },
          { feature: "activity30dVsBaseline", operator: "<", value: definition.atRisk.activityVsBaselineBelow },
        ],
      },
      {
        name: "Engaged",
        match: "all",
        conditions: [{ feature: "weeksActive12", operator: ">=", value: definition.engagedMinWeeksActive12 }],
      },
      {
        name: "Activated",
        match: "all",
        conditions: [{ feature: "daysToActivate", operator: "<=", value: definition.activation.withinDays }],
      },
      { name: "New", match: "all", conditions: [{ feature: "ageDays", operator: "<", value: definition.newWithinDays }] },
    ],
    fallback: "Not activated",
  };
}

/** Each stage in plain words, in check order. */
export function describeLifecycleCriteria(definition: LifecycleDefinition): SegmentCriteria[] {
  return describeBehaviorRulesCriteria(lifecycleRules(definition)).map((entry) => {
    if (entry.segment === "Not activated") {
      return {
        segment: entry.segment,
        criteria: `everyone else: first seen ≥ ${formatNumber(definition.newWithinDays)} days ago, did not activate within ${formatNumber(definition.activation.withinDays)} days of signup, not engaged`,
      };
    }
    if (entry.segment === "New") return { ...entry, criteria: `${entry.criteria} (not yet activated)` };
    return entry;
  });
}
