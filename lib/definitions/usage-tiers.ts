/**
 * Usage tiers: how much active users use the product compared with each other.
 *
 *   Ex-users       no activity in the window (recency ≥ activeWithinDays)
 *   Power users    top `powerTopShare` of active users by the metric
 *   Light users    bottom `lightBottomShare` of active users by the metric
 *   Average users  the active users in between
 *
 * "Top 10%" means percent rank ≥ 0.9 — PERCENT_RANK() over the active users,
 * ordered by the metric, ties sharing the lower rank (as RFM), ranked over the
 * whole active population, not a filtered view.
 */
import { z } from "zod";
import { finiteNumber } from "./condition";
import { FEATURES, MetricFeatureSchema } from "./features";
import { formatNumber, formatPercent } from "./plain-numbers";
import type { SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

const UsageTiersShape = z.strictObject({
  /** The usage metric users are ranked by. */
  metric: MetricFeatureSchema,
  /** Active = last activity fewer than this many days ago. */
  activeWithinDays: finiteNumber,
  /** Share of active users that are power users (0.1 = top 10%). */
  powerTopShare: finiteNumber,
  /** Share of active users that are light users (0.4 = bottom 40%). */
  lightBottomShare: finiteNumber,
});

export type UsageTiersDefinition = z.output<typeof UsageTiersShape>;

export const USAGE_TIER_SEGMENTS = ["Power users", "Average users", "Light users", "Ex-users"] as const;

export function usageTiersProblems(definition: UsageTiersDefinition): string[] {
  const problems: string[] = [];
  if (definition.activeWithinDays < 1) {
    problems.push(`activeWithinDays must be at least 1 day (got ${formatNumber(definition.activeWithinDays)})`);
  }
  for (const key of ["powerTopShare", "lightBottomShare"] as const) {
    const share = definition[key];
    if (share <= 0 || share >= 1) problems.push(`${key} must be a share between 0 and 1, e.g. 0.1 for 10% (got ${formatNumber(share)})`);
  }
  if (definition.powerTopShare + definition.lightBottomShare > 1) {
    problems.push(
      `Power users (top ${formatPercent(definition.powerTopShare)}) and light users (bottom ${formatPercent(definition.lightBottomShare)}) overlap: the two shares must add up to at most 100%`,
    );
  }
  return problems;
}

export const UsageTiersDefinitionSchema = UsageTiersShape.superRefine((definition, context) => {
  for (const message of usageTiersProblems(definition)) context.addIssue({ code: "custom", message });
});

/** Sessions in the last 30 days, ranked among users active in those 30 days. */
export const DEFAULT_USAGE_TIERS: UsageTiersDefinition = deepFreeze({
  metric: "sessions30d",
  activeWithinDays: 30,
  powerTopShare: 0.1,
  lightBottomShare: 0.4,
});

export function describeUsageTiersCriteria(definition: UsageTiersDefinition): SegmentCriteria[] {
  const metric = FEATURES[definition.metric].label.toLowerCase();
  const active = `users active in the last ${formatNumber(definition.activeWithinDays)} days`;
  return [
    { segment: "Power users", criteria: `top ${formatPercent(definition.powerTopShare)} of ${active} by ${metric}` },
    {
      segment: "Average users",
      criteria: `${active} between the bottom ${formatPercent(definition.lightBottomShare)} and the top ${formatPercent(definition.powerTopShare)} by ${metric}`,
    },
    { segment: "Light users", criteria: `bottom ${formatPercent(definition.lightBottomShare)} of ${active} by ${metric}` },
    { segment: "Ex-users", criteria: `no activity in the last ${formatNumber(definition.activeWithinDays)} days` },
  ];
}
