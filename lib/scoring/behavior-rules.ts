/**
 * Scores a behavior-rules definition: first matching rule wins, else the fallback.
 *
 * The definition is compiled once to (column, interval) pairs; scoring then
 * evaluates condition by condition over whole columns (see runCompiledRules).
 * No JSON is interpreted per row.
 */
import { behaviorRulesSegments, type BehaviorRulesDefinition } from "../definitions/behavior-rules";
import { FEATURES, type FeatureName } from "../definitions/features";
import { bitWords, compileFeatureCondition, matchBits, type CompiledCondition } from "./compiled-condition";
import { storeAsOf, type FeatureStore } from "./feature-store";
import type { ScoreOptions, Segmentation } from "./segmentation";

/** Labels are Uint16: at most 65,535 segments (rules + fallback). */
const MAX_RULES = 0xfffe;

export interface CompiledRules {
  segments: string[];
  rules: { match: "all" | "any"; conditions: CompiledCondition[] }[];
  fallbackIndex: number;
}

export function compileBehaviorRules(store: FeatureStore, definition: BehaviorRulesDefinition): CompiledRules {
  if (definition.rules.length > MAX_RULES) throw new RangeError("Too many rules");
  return {
    segments: behaviorRulesSegments(definition),
    rules: definition.rules.map((rule) => ({
      match: rule.match,
      conditions: rule.conditions.map((condition) => compileFeatureCondition(store, condition)),
    })),
    fallbackIndex: definition.rules.length,
  };
}

/**
 * Runs compiled rules over `size` users; returns the segment index per user.
 *
 * Each condition becomes a bitset (one bit per user, built without branches);
 * a rule is the AND (all) or OR (any) of its conditions' bitsets; first match
 * wins through an "already assigned" bitset; labels are written only for the
 * users a rule newly takes. About one sequential pass over each column a rule
 * reads, plus 32× smaller passes over the bitsets.
 */
export function runCompiledRules(compiled: CompiledRules, size: number): Uint16Array {
  const words = bitWords(size);
  const labels = new Uint16Array(size).fill(compiled.fallbackIndex);
  const assigned = new Int32Array(words);
  const ruleBits = new Int32Array(words);
  const conditionBits = new Int32Array(words);

  for (let ruleIndex = 0; ruleIndex < compiled.rules.length; ruleIndex++) {
    const rule = compiled.rules[ruleIndex]!;
    matchBits(rule.conditions[0]!, size, ruleBits);
    for (let c = 1; c < rule.conditions.length; c++) {
      matchBits(rule.conditions[c]!, size, conditionBits);
      if (rule.match === "all") for (let w = 0; w < words; w++) ruleBits[w]! &= conditionBits[w]!;
      else for (let w = 0; w < words; w++) ruleBits[w]! |= conditionBits[w]!;
    }
    for (let w = 0; w < words; w++) {
      let taken = ruleBits[w]! & ~assigned[w]!;
      if (taken === 0) continue;
      assigned[w]! |= taken;
      const base = w << 5;
      while (taken !== 0) {
        const lowest = taken & -taken;
        labels[base + 31 - Math.clz32(lowest)] = ruleIndex;
        taken ^= lowest;
      }
    }
  }
  return labels;
}

/** Warnings for features the rules read that have no values in this dataset. */
export function missingFeatureWarnings(store: FeatureStore, definition: BehaviorRulesDefinition): string[] {
  const users = new Map<FeatureName, string[]>();
  definition.rules.forEach((rule, index) => {
    for (const condition of rule.conditions) {
      if (store.available.has(condition.feature)) continue;
      const list = users.get(condition.feature) ?? [];
      const label = `rule ${index + 1} "${rule.name}"`;
      if (!list.includes(label)) list.push(label);
      users.set(condition.feature, list);
    }
  });
  return [...users].map(([feature, rules]) => {
    const why =
      feature === "ageDays" && store.asOf === null
        ? `${FEATURES[feature].label} (ageDays) needs an as-of date, and none was given`
        : `${FEATURES[feature].label} (${feature}) has no values in this dataset`;
    return `${why}, so its conditions in ${rules.join(", ")} match no one`;
  });
}

/**
 * @example
 *   const { labels, segments } = scoreBehaviorRules(store, DEFAULT_BEHAVIOR_RULES);
 *   segments[labels[0]] // "Power users"
 */
export function scoreBehaviorRules(
  store: FeatureStore,
  definition: BehaviorRulesDefinition,
  options: ScoreOptions = {},
): Segmentation {
  const scoredStore = storeAsOf(store, options.asOf);
  const compiled = compileBehaviorRules(scoredStore, definition);
  return {
    labels: runCompiledRules(compiled, scoredStore.size),
    segments: compiled.segments,
    warnings: missingFeatureWarnings(scoredStore, definition),
  };
}
