/**
 * Editing a playbook as a list of rules: add, change, disable, delete a rule
 * or one of its conditions, without mutating the list (the editor keeps the
 * previous draft). Also what changed between two versions, for the version
 * note, and which segments a rule fires for (the editor's preview). Pure.
 */
import { recommend } from "./recommend";
import type { RecommendationRule, RuleCondition } from "./recommendation-rules";
import type { StatsResult } from "./segment-stats";

export type Rules = readonly RecommendationRule[];

/** "new-rule", else "new-rule-2", "new-rule-3" …: the first id not taken. */
export function freeRuleId(rules: Rules, base = "new-rule"): string {
  const taken = new Set(rules.map((rule) => rule.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** A new rule at the end: valid as it stands, so the editor can save it straight away and the person edits from there. */
export function addRule(rules: Rules): RecommendationRule[] {
  return [
    ...rules,
    {
      id: freeRuleId(rules),
      category: "lifecycle",
      audience: ["Product"],
      when: [{ stat: "share", op: ">=", value: 0.1 }],
      minUsers: 30,
      message: "{segment} is {share} of users",
      action: "Describe what to do for this segment",
    },
  ];
}

export function updateRule(rules: Rules, index: number, patch: Partial<RecommendationRule>): RecommendationRule[] {
  return rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule));
}

export function deleteRule(rules: Rules, index: number): RecommendationRule[] {
  return rules.filter((_, i) => i !== index);
}

/** Disabled rules stay in the playbook and are shown, but never fire. */
export function setRuleEnabled(rules: Rules, index: number, enabled: boolean): RecommendationRule[] {
  return rules.map((rule, i) => {
    if (i !== index) return rule;
    // Enabled is the default: store the flag only when it says "off", so an untouched rule equals the built-in one.
    const { enabled: _previous, ...rest } = rule;
    return enabled ? rest : { ...rest, enabled: false };
  });
}

export function addCondition(rules: Rules, index: number): RecommendationRule[] {
  return rules.map((rule, i) => (i === index ? { ...rule, when: [...rule.when, { stat: "users", op: ">=", value: 100 }] } : rule));
}

export function updateCondition(rules: Rules, index: number, conditionIndex: number, patch: Partial<RuleCondition>): RecommendationRule[] {
  return rules.map((rule, i) => (i === index ? { ...rule, when: rule.when.map((c, j) => (j === conditionIndex ? { ...c, ...patch } : c)) } : rule));
}

/** Removing the last condition leaves an invalid rule: validation says so, rather than the edit being refused silently. */
export function removeCondition(rules: Rules, index: number, conditionIndex: number): RecommendationRule[] {
  return rules.map((rule, i) => (i === index ? { ...rule, when: rule.when.filter((_, j) => j !== conditionIndex) } : rule));
}

/** A rule as comparable data: key order and an absent-vs-true `enabled` aside. */
function normalized(rule: RecommendationRule): string {
  return JSON.stringify([
    rule.id,
    rule.category,
    rule.audience,
    rule.when.map((c) => [c.stat, c.op, c.value]),
    rule.minUsers,
    rule.message,
    rule.action,
    rule.enabled !== false,
  ]);
}

export function sameRules(a: Rules, b: Rules): boolean {
  return a.length === b.length && a.every((rule, i) => normalized(rule) === normalized(b[i]!));
}

/**
 * What changed from one version to the next, one short line per rule, in the
 * new version's order: "Added new-rule", "Changed advocates", "Disabled leaky-bucket",
 * "Removed win-back-valuable", "Reordered the rules".
 */
export function describePlaybookChanges(before: Rules, after: Rules): string[] {
  const previous = new Map(before.map((rule) => [rule.id, rule]));
  const current = new Set(after.map((rule) => rule.id));
  const lines: string[] = [];
  for (const rule of after) {
    const old = previous.get(rule.id);
    if (!old) {
      lines.push(`Added ${rule.id}`);
      continue;
    }
    const wasOn = old.enabled !== false;
    const isOn = rule.enabled !== false;
    if (wasOn !== isOn) lines.push(`${isOn ? "Enabled" : "Disabled"} ${rule.id}`);
    if (normalized({ ...old, enabled: true }) !== normalized({ ...rule, enabled: true })) lines.push(`Changed ${rule.id}`);
  }
  for (const rule of before) if (!current.has(rule.id)) lines.push(`Removed ${rule.id}`);
  if (lines.length === 0 && !sameRules(before, after)) lines.push("Reordered the rules");
  return lines;
}

/** The segments (and their sizes) a rule fires for on these stats; a disabled rule is previewed as if it were on. */
export function ruleFiresFor(rule: RecommendationRule, stats: StatsResult): { segment: string; users: number; finding: string }[] {
  return recommend([{ ...rule, enabled: true }], stats).map(({ segment, users, finding }) => ({ segment, users, finding }));
}
