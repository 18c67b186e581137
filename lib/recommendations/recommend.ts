/**
 * Playbook rules evaluated on segment stats: which segments get which
 * recommendation, with the numbers that triggered it written into the text.
 */
import { formatMultiple, formatNumber, formatPercent } from "../definitions/plain-numbers";
import { PLACEHOLDER_PATTERN, RECOMMENDATION_CATEGORIES, type RecommendationRule, type RuleCondition } from "./recommendation-rules";
import { STAT_FORMATS, type SegmentStats, type StatName, type StatsResult } from "./segment-stats";

export interface Recommendation {
  ruleId: string;
  segment: string;
  category: RecommendationRule["category"];
  audience: RecommendationRule["audience"];
  users: number;
  /** The rule's message with the segment's numbers filled in. */
  finding: string;
  action: string;
  /** Each condition as it held: "conversionLift 0.2 ≤ 0.5". */
  evidence: string[];
}

export function formatStat(stat: StatName, value: number): string {
  if (Number.isNaN(value)) return "–";
  switch (STAT_FORMATS[stat]) {
    case "count":
      return formatNumber(value, 0);
    case "percent":
      return formatPercent(value);
    case "multiple":
      return formatMultiple(value);
    case "days":
      return `${formatNumber(value, 0)} ${value === 1 ? "day" : "days"}`;
    default:
      return formatNumber(value, 1);
  }
}

function holds(condition: RuleCondition, stats: SegmentStats): boolean {
  const value = stats[condition.stat];
  // NaN (no data) never satisfies a condition: no recommendation from missing numbers.
  if (Number.isNaN(value)) return false;
  switch (condition.op) {
    case ">=":
      return value >= condition.value;
    case "<=":
      return value <= condition.value;
    case ">":
      return value > condition.value;
    default:
      return value < condition.value;
  }
}

function fill(message: string, segment: string, stats: SegmentStats, overall: SegmentStats): string {
  return message.replace(PLACEHOLDER_PATTERN, (_match, prefix: string | undefined, name: string) => {
    if (name === "segment") return segment;
    const stat = name as StatName;
    return formatStat(stat, (prefix ? overall : stats)[stat]);
  });
}

/** Recommendations by category (playbook order), then the largest segment first. */
export function recommend(rules: readonly RecommendationRule[], stats: StatsResult): Recommendation[] {
  const out: Recommendation[] = [];
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    for (const { segment, stats: segmentStats } of stats.segments) {
      if (segmentStats.users < rule.minUsers) continue;
      if (!rule.when.every((condition) => holds(condition, segmentStats))) continue;
      out.push({
        ruleId: rule.id,
        segment,
        category: rule.category,
        audience: rule.audience,
        users: segmentStats.users,
        finding: fill(rule.message, segment, segmentStats, stats.overall),
        action: rule.action,
        evidence: rule.when.map((c) => `${c.stat} ${formatStat(c.stat, segmentStats[c.stat])} ${c.op.replace(">=", "≥").replace("<=", "≤")} ${formatStat(c.stat, c.value)}`),
      });
    }
  }
  const order = (category: Recommendation["category"]) => RECOMMENDATION_CATEGORIES.indexOf(category);
  return out.sort((a, b) => order(a.category) - order(b.category) || b.users - a.users);
}
