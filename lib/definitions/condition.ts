/**
 * One condition of a rule: a feature (or an event count), an operator and a
 * value. Shared by behavior rules, lifecycle, churn risk and PQL criteria, so a
 * condition is validated, phrased and evaluated one way everywhere.
 *
 * Semantics: a user whose value is null (NaN in the feature store) matches no
 * condition on that feature — "recency ≥ 30" is false for a user without a recency.
 * `between` includes both ends.
 */
import { z } from "zod";
import { ConditionFeatureSchema, FEATURES, type ConditionFeatureName, type FeaturePhrase } from "./features";
import { formatNumber } from "./plain-numbers";

export const COMPARISON_OPERATORS = [">", ">=", "<", "<=", "="] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type ConditionOperator = ComparisonOperator | "between";

const OPERATOR_SYMBOL: Record<ComparisonOperator, string> = { ">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=" };

/** A finite number: zod 4 rejects NaN and ±Infinity, and the error formatter names them. */
export const finiteNumber = z.number();

/** The operator/value part, shared by feature and event conditions. */
export type Comparison =
  | { operator: ComparisonOperator; value: number }
  | { operator: "between"; min: number; max: number };

export const FeatureConditionSchema = z.discriminatedUnion("operator", [
  z.strictObject({ feature: ConditionFeatureSchema, operator: z.enum(COMPARISON_OPERATORS), value: finiteNumber }),
  z.strictObject({ feature: ConditionFeatureSchema, operator: z.literal("between"), min: finiteNumber, max: finiteNumber }),
]);
export type FeatureCondition = z.infer<typeof FeatureConditionSchema>;

/** An event name as it appears in the dataset (`view_pricing`). */
export const EventNameSchema = z.string().trim().min(1).max(200);

export const EventConditionSchema = z.discriminatedUnion("operator", [
  z.strictObject({ event: EventNameSchema, operator: z.enum(COMPARISON_OPERATORS), value: finiteNumber }),
  z.strictObject({ event: EventNameSchema, operator: z.literal("between"), min: finiteNumber, max: finiteNumber }),
]);
export type EventCondition = z.infer<typeof EventConditionSchema>;

/** A closed interval [lo, hi] of values; empty when lo > hi. */
export interface ClosedInterval {
  lo: number;
  hi: number;
}

// One shared 8-byte view for stepping to the neighbouring double.
const bits = new Float64Array(1);
const bitsAsInt = new BigInt64Array(bits.buffer);

/** The smallest double greater than x (x > a  ⇔  x ≥ nextUp(a) for every double x). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  bitsAsInt[0] = x > 0 ? bitsAsInt[0]! + 1n : bitsAsInt[0]! - 1n;
  return bits[0]!;
}

/** The largest double smaller than x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/**
 * The values a comparison accepts, as one closed interval, so every operator is
 * evaluated by the same `lo ≤ v ≤ hi` loop (and NaN fails it). With
 * `integerValues`, bounds snap to whole numbers ("> 5" becomes [6, ∞)) — used to
 * compare rules of integer features, never to evaluate data.
 */
export function comparisonInterval(comparison: Comparison, integerValues = false): ClosedInterval {
  const up = integerValues ? (v: number) => Math.floor(v) + 1 : nextUp;
  const down = integerValues ? (v: number) => Math.ceil(v) - 1 : nextDown;
  const ceil = integerValues ? Math.ceil : (v: number) => v;
  const floor = integerValues ? Math.floor : (v: number) => v;
  switch (comparison.operator) {
    case ">":
      return { lo: up(comparison.value), hi: Number.POSITIVE_INFINITY };
    case ">=":
      return { lo: ceil(comparison.value), hi: Number.POSITIVE_INFINITY };
    case "<":
      return { lo: Number.NEGATIVE_INFINITY, hi: down(comparison.value) };
    case "<=":
      return { lo: Number.NEGATIVE_INFINITY, hi: floor(comparison.value) };
    case "=":
      return { lo: ceil(comparison.value), hi: floor(comparison.value) };
    case "between":
      return { lo: ceil(comparison.min), hi: floor(comparison.max) };
  }
}

/** The values a feature can take at all (a count is never negative, a flag is 0 or 1). */
export function featureDomain(feature: ConditionFeatureName): ClosedInterval {
  const info = FEATURES[feature];
  return { lo: info.min ?? Number.NEGATIVE_INFINITY, hi: info.max ?? Number.POSITIVE_INFINITY };
}

function unitFor(unit: { one: string; other: string } | undefined, value: number): string {
  if (!unit) return "";
  const word = value === 1 ? unit.one : unit.other;
  // "0.5×" but "45 days"
  return /^[A-Za-z]/.test(word) ? ` ${word}` : word;
}

function phraseComparison(phrase: Exclude<FeaturePhrase, { style: "flag" }>, comparison: Comparison): string {
  if (phrase.style === "prefix") {
    if (comparison.operator === "between") {
      return `${phrase.label} between ${formatNumber(comparison.min)} and ${formatNumber(comparison.max)}${unitFor(phrase.unit, comparison.max)}`;
    }
    return `${phrase.label} ${OPERATOR_SYMBOL[comparison.operator]} ${formatNumber(comparison.value)}${unitFor(phrase.unit, comparison.value)}`;
  }
  if (comparison.operator === "between") {
    return `between ${formatNumber(comparison.min)} and ${formatNumber(comparison.max)}${unitFor(phrase.unit, comparison.max)}`;
  }
  const symbol = comparison.operator === "=" ? "exactly" : OPERATOR_SYMBOL[comparison.operator];
  return `${symbol} ${formatNumber(comparison.value)}${unitFor(phrase.unit, comparison.value)}`;
}

/**
 * A condition in plain words.
 * @example describeFeatureCondition({ feature: "sessionsPerWeek", operator: ">", value: 5 }) === "> 5 sessions/week"
 * @example describeFeatureCondition({ feature: "recencyDays", operator: ">=", value: 45 }) === "recency ≥ 45 days"
 * @example describeFeatureCondition({ feature: "cancelled", operator: "=", value: 1 }) === "cancelled"
 */
export function describeFeatureCondition(condition: FeatureCondition): string {
  const phrase = FEATURES[condition.feature].phrase;
  if (phrase.style === "flag") {
    // Flags are 0 or 1: "= 1", "≥ 1" and "> 0" all mean yes; "= 0", "< 1", "≤ 0" mean no.
    const interval = comparisonInterval(condition, true);
    if (interval.lo === 1) return phrase.yes;
    if (interval.hi === 0) return phrase.no;
    return phraseComparison({ style: "prefix", label: phrase.yes }, condition);
  }
  return phraseComparison(phrase, condition);
}

/**
 * An event-count condition in plain words.
 * @example describeEventCondition({ event: "invite_teammate", operator: ">=", value: 1 }) === "did “invite_teammate”"
 * @example describeEventCondition({ event: "view_pricing", operator: ">=", value: 3 }) === "“view_pricing” ≥ 3 times"
 */
export function describeEventCondition(condition: EventCondition): string {
  const name = `“${condition.event}”`;
  const interval = comparisonInterval(condition, true);
  if (interval.lo === 1 && interval.hi === Number.POSITIVE_INFINITY) return `did ${name}`;
  if (interval.hi === 0 && interval.lo <= 0) return `never did ${name}`;
  return `${name} ${phraseComparison({ style: "suffix", unit: { one: "time", other: "times" } }, condition)}`;
}

/**
 * What is wrong with one condition's numbers, or null. Structure (types, known
 * feature) is zod's job; this catches values that parse but make no sense.
 */
export function featureConditionProblem(condition: FeatureCondition): string | null {
  const info = FEATURES[condition.feature];
  const label = info.phrase.style === "prefix" ? info.phrase.label : info.label.toLowerCase();
  if (condition.operator === "between" && condition.min > condition.max) {
    return `between needs min ≤ max (got min ${formatNumber(condition.min)}, max ${formatNumber(condition.max)})`;
  }
  const values = condition.operator === "between" ? [condition.min, condition.max] : [condition.value];
  if (info.phrase.style === "flag") {
    if (values.some((v) => v !== 0 && v !== 1)) {
      return `${condition.feature} is a yes/no flag: compare it with 0 or 1 (got ${values.map((v) => formatNumber(v)).join(" and ")})`;
    }
    return null;
  }
  if (info.min !== null && values.some((v) => v < info.min)) {
    const isDays = info.phrase.style === "prefix" && "unit" in info.phrase && info.phrase.unit.other.includes("day");
    return `${label} cannot be negative (got ${values.map((v) => formatNumber(v)).join(" and ")}${isDays ? " days" : ""})`;
  }
  return null;
}

/** Event counts are never negative; between needs min ≤ max. */
export function eventConditionProblem(condition: EventCondition): string | null {
  if (condition.operator === "between" && condition.min > condition.max) {
    return `between needs min ≤ max (got min ${formatNumber(condition.min)}, max ${formatNumber(condition.max)})`;
  }
  const values = condition.operator === "between" ? [condition.min, condition.max] : [condition.value];
  if (values.some((v) => v < 0)) {
    return `an event count cannot be negative (got ${values.map((v) => formatNumber(v)).join(" and ")})`;
  }
  return null;
}
