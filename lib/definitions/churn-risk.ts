/**
 * Churn risk from recent inactivity and a drop against the user's own baseline.
 * Checked in order, first match wins:
 *   High risk    no activity for ≥ highInactiveDays (14)
 *   Medium risk  last-30-day activity < mediumActivityVsBaselineBelow (0.5) × their earlier rate
 *   Low risk     no activity for ≥ lowInactiveDays (7)
 *   Healthy      everyone else
 * A user without a baseline (first seen in the last 30 days) is judged on inactivity only.
 */
import { z } from "zod";
import { describeBehaviorRulesCriteria, type BehaviorRulesDefinition } from "./behavior-rules";
import { finiteNumber } from "./condition";
import { formatNumber } from "./plain-numbers";
import type { SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

const ChurnRiskShape = z.strictObject({
  highInactiveDays: finiteNumber,
  mediumActivityVsBaselineBelow: finiteNumber,
  lowInactiveDays: finiteNumber,
});

export type ChurnRiskDefinition = z.output<typeof ChurnRiskShape>;

export const CHURN_RISK_SEGMENTS = ["High risk", "Medium risk", "Low risk", "Healthy"] as const;

export function churnRiskProblems(definition: ChurnRiskDefinition): string[] {
  const problems: string[] = [];
  if (definition.lowInactiveDays < 1) {
    problems.push(`lowInactiveDays must be at least 1 day (got ${formatNumber(definition.lowInactiveDays)})`);
  }
  if (definition.highInactiveDays <= definition.lowInactiveDays) {
    problems.push(
      `"Low risk" after ${formatNumber(definition.lowInactiveDays)} inactive days can never match: users are already "High risk" after ${formatNumber(definition.highInactiveDays)} days — make highInactiveDays larger than lowInactiveDays`,
    );
  }
  if (definition.mediumActivityVsBaselineBelow <= 0) {
    problems.push(
      `mediumActivityVsBaselineBelow must be above 0 (got ${formatNumber(definition.mediumActivityVsBaselineBelow)}); 0.5 means "less than half as active as usual"`,
    );
  }
  return problems;
}

export const ChurnRiskDefinitionSchema = ChurnRiskShape.superRefine((definition, context) => {
  for (const message of churnRiskProblems(definition)) context.addIssue({ code: "custom", message });
});

export const DEFAULT_CHURN_RISK: ChurnRiskDefinition = deepFreeze({
  highInactiveDays: 14,
  mediumActivityVsBaselineBelow: 0.5,
  lowInactiveDays: 7,
});

export function churnRiskRules(definition: ChurnRiskDefinition): BehaviorRulesDefinition {
  return {
    rules: [
      { name: "High risk", match: "all", conditions: [{ feature: "recencyDays", operator: ">=", value: definition.highInactiveDays }] },
      {
        name: "Medium risk",
        match: "all",
        conditions: [{ feature: "activity30dVsBaseline", operator: "<", value: definition.mediumActivityVsBaselineBelow }],
      },
      { name: "Low risk", match: "all", conditions: [{ feature: "recencyDays", operator: ">=", value: definition.lowInactiveDays }] },
    ],
    fallback: "Healthy",
  };
}

export function describeChurnRiskCriteria(definition: ChurnRiskDefinition): SegmentCriteria[] {
  return describeBehaviorRulesCriteria(churnRiskRules(definition)).map((entry) =>
    entry.segment === "Healthy" ? { ...entry, criteria: "everyone else: active recently, at their usual level" } : entry,
  );
}
