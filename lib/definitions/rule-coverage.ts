/**
 * Which rules of an ordered, first-match-wins list can never match.
 *
 * A rule can never match when its own conditions contradict each other (or the
 * feature's range: nobody has "≥ 8 active days in the last 7"), or when every
 * user it describes is already taken by earlier rules. The second check is
 * sufficient, not complete — it proves coverage when
 *   1. one earlier rule's conditions contain this rule's (same feature, wider
 *      interval; identical rules included), or
 *   2. earlier single-feature rules together cover this rule's interval on that
 *      feature ("recency < 30" then "recency ≥ 30" leave nothing for "recency ≥ 0").
 * A rule reported here is unreachable for sure; a rule not reported may still be
 * (e.g. when only a mix of multi-feature rules covers it).
 *
 * Values are compared as closed intervals; integer features snap "> 5" to "≥ 6"
 * so "≤ 5" and "≥ 6" are seen to leave no gap. A user with a null value matches
 * no condition on that feature, so intervals only ever describe non-null values.
 */
import {
  comparisonInterval,
  describeFeatureCondition,
  featureDomain,
  nextUp,
  type ClosedInterval,
  type FeatureCondition,
} from "./condition";
import { FEATURES, type ConditionFeatureName } from "./features";

export interface RuleShape {
  name: string;
  match: "all" | "any";
  conditions: readonly FeatureCondition[];
}

/** A set of users described by one interval per constrained feature (absent = any value). */
type Box = Map<ConditionFeatureName, ClosedInterval>;

interface OwnedBox {
  ruleIndex: number;
  box: Box;
}

function isEmpty(interval: ClosedInterval): boolean {
  return interval.lo > interval.hi;
}

function intersect(a: ClosedInterval, b: ClosedInterval): ClosedInterval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

function contains(outer: ClosedInterval, inner: ClosedInterval): boolean {
  return inner.lo >= outer.lo && inner.hi <= outer.hi;
}

function conditionInterval(condition: FeatureCondition): ClosedInterval {
  const info = FEATURES[condition.feature];
  return intersect(comparisonInterval(condition, info.integer), featureDomain(condition.feature));
}

/** The smallest value after `value` that a feature can take (next integer, or next double). */
function successor(feature: ConditionFeatureName, value: number): number {
  return FEATURES[feature].integer ? value + 1 : nextUp(value);
}

export function ruleLabel(index: number, rule: { name: string }): string {
  return `rule ${index + 1} "${rule.name}"`;
}

export function describeRuleConditions(rule: RuleShape): string {
  return rule.conditions.map(describeFeatureCondition).join(rule.match === "all" ? " and " : " or ");
}

/** The rule as boxes (one for "all", one per condition for "any"), or why it matches nobody. */
function ruleBoxes(rule: RuleShape): { boxes: Box[] } | { contradiction: string } {
  if (rule.match === "any") {
    const boxes: Box[] = [];
    for (const condition of rule.conditions) {
      const interval = conditionInterval(condition);
      if (!isEmpty(interval)) boxes.push(new Map([[condition.feature, interval]]));
    }
    if (boxes.length === 0) {
      return { contradiction: `no user has ${rule.conditions.map(describeFeatureCondition).join(" or ")}` };
    }
    return { boxes };
  }
  const box: Box = new Map();
  const seen = new Map<ConditionFeatureName, FeatureCondition[]>();
  for (const condition of rule.conditions) {
    const own = conditionInterval(condition);
    if (isEmpty(own)) return { contradiction: `no user has ${describeFeatureCondition(condition)}` };
    const combined = intersect(box.get(condition.feature) ?? featureDomain(condition.feature), own);
    const earlier = seen.get(condition.feature) ?? [];
    if (isEmpty(combined)) {
      const clash = [...earlier, condition].map(describeFeatureCondition).join(" and ");
      return { contradiction: `${clash} cannot all hold at once` };
    }
    box.set(condition.feature, combined);
    seen.set(condition.feature, [...earlier, condition]);
  }
  return { boxes: [box] };
}

function boxWithin(inner: Box, outer: Box): boolean {
  for (const [feature, outerInterval] of outer) {
    const innerInterval = inner.get(feature) ?? featureDomain(feature);
    if (!contains(outerInterval, innerInterval)) return false;
  }
  return true;
}

/**
 * Whether the union of `pieces` (intervals of one feature) covers `target`;
 * returns the rule indexes of the pieces used, or null.
 */
function unionCovers(
  feature: ConditionFeatureName,
  target: ClosedInterval,
  pieces: readonly { ruleIndex: number; interval: ClosedInterval }[],
): number[] | null {
  const sorted = [...pieces].sort((a, b) => a.interval.lo - b.interval.lo);
  const used = new Set<number>();
  let uncovered = target.lo; // every value below this one is covered
  for (const piece of sorted) {
    if (piece.interval.lo > uncovered) break;
    if (piece.interval.hi < uncovered) continue;
    used.add(piece.ruleIndex);
    if (piece.interval.hi >= target.hi) return [...used];
    uncovered = successor(feature, piece.interval.hi);
  }
  return null;
}

/** Rules (by index) that cover the box, or null if the box is not proven covered. */
function coveringRules(box: Box, earlier: readonly OwnedBox[]): number[] | null {
  for (const candidate of earlier) {
    if (boxWithin(box, candidate.box)) return [candidate.ruleIndex];
  }
  const singleFeaturePieces = new Map<ConditionFeatureName, { ruleIndex: number; interval: ClosedInterval }[]>();
  for (const candidate of earlier) {
    if (candidate.box.size !== 1) continue;
    const [feature, interval] = [...candidate.box][0]!;
    const pieces = singleFeaturePieces.get(feature) ?? [];
    pieces.push({ ruleIndex: candidate.ruleIndex, interval });
    singleFeaturePieces.set(feature, pieces);
  }
  for (const [feature, pieces] of singleFeaturePieces) {
    const target = box.get(feature) ?? featureDomain(feature);
    const used = unionCovers(feature, target, pieces);
    if (used) return used;
  }
  return null;
}

/**
 * One message per rule that can never match, in rule order.
 * @example
 *   findUnreachableRules([{ name: "Dormant 30", … recency ≥ 30 }, { name: "Dormant", … recency ≥ 45 }])
 *   // ['Rule 2 "Dormant" can never match: every user with recency ≥ 45 days already matches rule 1 "Dormant 30"']
 */
export function findUnreachableRules(rules: readonly RuleShape[]): { ruleIndex: number; message: string }[] {
  const problems: { ruleIndex: number; message: string }[] = [];
  const earlier: OwnedBox[] = [];
  rules.forEach((rule, ruleIndex) => {
    const title = `Rule ${ruleIndex + 1} "${rule.name}"`;
    const shape = ruleBoxes(rule);
    if ("contradiction" in shape) {
      problems.push({ ruleIndex, message: `${title} can never match: ${shape.contradiction}` });
      return;
    }
    const responsible = new Set<number>();
    let allCovered = earlier.length > 0;
    for (const box of shape.boxes) {
      const covering = coveringRules(box, earlier);
      if (!covering) {
        allCovered = false;
        break;
      }
      for (const index of covering) responsible.add(index);
    }
    if (allCovered) {
      const by = [...responsible]
        .sort((a, b) => a - b)
        .map((index) => ruleLabel(index, rules[index]!))
        .join(" or ");
      problems.push({
        ruleIndex,
        message: `${title} can never match: every user with ${describeRuleConditions(rule)} already matches ${by}`,
      });
    }
    for (const box of shape.boxes) earlier.push({ ruleIndex, box });
  });
  return problems;
}
