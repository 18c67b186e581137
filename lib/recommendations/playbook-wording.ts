/**
 * A playbook rule in plain words, and the unit a person types a threshold in.
 * Stored thresholds keep the units segment-stats.ts computes (shares 0..1,
 * lifts as ratios); the editor shows shares as percentages ("50" %) because
 * that is how people think of them. Pure: runs in the browser and on the server.
 */
import { formatStat } from "./recommend";
import type { RecommendationRule, RuleCondition } from "./recommendation-rules";
import { STAT_FORMATS, STAT_NAMES, type StatName } from "./segment-stats";

/** What each stat means, as the condition's subject ("active days a week ≥ 2"). */
export const STAT_LABELS: Record<StatName, string> = {
  users: "users in the segment",
  share: "share of all users in view",
  sessionsPerWeek: "sessions a week (median user)",
  activeDaysPerWeek: "active days a week (median user)",
  coreFeaturesUsed: "core features used (median user)",
  noCoreFeatureShare: "share who never used a core feature",
  recencyDays: "days since last seen (median user)",
  monetary: "spend per user (mean)",
  monetaryLift: "spend per user vs everyone",
  conversionRate: "conversion rate",
  conversionLift: "conversion rate vs everyone",
  retainedRate: "day-28 retention",
  retentionLift: "day-28 retention vs everyone",
  cancelledRate: "cancellation rate",
  cancelLift: "cancellation rate vs everyone",
};

export const OPERATOR_WORDS: Record<RuleCondition["op"], string> = {
  ">=": "at least",
  "<=": "at most",
  ">": "more than",
  "<": "less than",
};

/** The stat names in catalogue order, with labels: the editor's stat picker. */
export const STAT_OPTIONS = STAT_NAMES.map((stat) => ({ stat, label: STAT_LABELS[stat] }));

/** "conversion rate vs everyone at most 0.5×" */
export function describeCondition(condition: RuleCondition): string {
  return `${STAT_LABELS[condition.stat]} ${OPERATOR_WORDS[condition.op]} ${formatStat(condition.stat, condition.value)}`;
}

/** "When active days a week (median user) at least 2 and conversion rate vs everyone at most 0.5×, in segments of 30+ users." */
export function describeWhen(rule: Pick<RecommendationRule, "when" | "minUsers">): string {
  return `When ${rule.when.map(describeCondition).join(" and ")}, in segments of ${rule.minUsers.toLocaleString("en-US")}+ users.`;
}

const NUMBER_UNITS: Partial<Record<StatName, string>> = {
  sessionsPerWeek: "sessions a week",
  activeDaysPerWeek: "days a week",
  coreFeaturesUsed: "features",
  monetary: "per user",
};

/** The unit shown after a threshold's input box. */
export function inputUnit(stat: StatName): string {
  switch (STAT_FORMATS[stat]) {
    case "percent":
      return "%";
    case "multiple":
      return "× everyone";
    case "days":
      return "days";
    case "count":
      return "users";
    default:
      return NUMBER_UNITS[stat] ?? "";
  }
}

// Twelve significant digits: 0.07 × 100 is 7.000000000000001 in floating point.
const tidy = (value: number) => Number(value.toPrecision(12));

/** A stored threshold as the number typed in the editor (0.5 share → 50). */
export function toInputValue(stat: StatName, value: number): number {
  return STAT_FORMATS[stat] === "percent" ? tidy(value * 100) : value;
}

/** What the editor's box holds, back in stored units; NaN when it is not a number. */
export function fromInputValue(stat: StatName, text: string): number {
  const trimmed = text.trim().replace(/%$/, "").replace(/,/g, "");
  if (trimmed === "") return Number.NaN;
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return Number.NaN;
  return STAT_FORMATS[stat] === "percent" ? tidy(number / 100) : number;
}
