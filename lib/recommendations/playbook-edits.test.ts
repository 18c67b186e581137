import { describe, expect, it } from "vitest";
import { fromRows } from "../scoring/feature-store";
import { featureRow } from "../scoring/test-feature-rows";
import {
  addCondition,
  addRule,
  deleteRule,
  describePlaybookChanges,
  freeRuleId,
  removeCondition,
  ruleFiresFor,
  sameRules,
  setRuleEnabled,
  updateCondition,
  updateRule,
} from "./playbook-edits";
import { issueSentence, validatePlaybookRules } from "./playbook-validation";
import { describeCondition, describeWhen, fromInputValue, inputUnit, toInputValue } from "./playbook-wording";
import { DEFAULT_RECOMMENDATION_RULES, type RecommendationRule } from "./recommendation-rules";
import { segmentStats } from "./segment-stats";

const DEFAULTS = DEFAULT_RECOMMENDATION_RULES;
const ids = (rules: readonly RecommendationRule[]) => rules.map((rule) => rule.id);

describe("playbook edits", () => {
  it("adds a valid rule with a free id, without touching the (frozen) defaults", () => {
    const once = addRule(DEFAULTS);
    const twice = addRule(once);
    expect(ids(twice).slice(-2)).toEqual(["new-rule", "new-rule-2"]);
    expect(DEFAULTS).toHaveLength(9);
    expect(validatePlaybookRules(twice).ok).toBe(true);
    expect(freeRuleId([...twice, { ...twice[0]!, id: "new-rule-3" }])).toBe("new-rule-4");
  });

  it("updates, disables and deletes by position", () => {
    let rules = updateRule(DEFAULTS, 1, { action: "Call them" });
    expect(rules[1]!.action).toBe("Call them");
    expect(rules[0]).toBe(DEFAULTS[0]);
    rules = setRuleEnabled(rules, 2, false);
    expect(rules[2]!.enabled).toBe(false);
    // Enabling again removes the flag: an untouched rule equals the built-in one.
    expect(setRuleEnabled(rules, 2, true)[2]).toEqual(DEFAULTS[2]);
    expect(ids(deleteRule(rules, 0))).toEqual(ids(DEFAULTS).slice(1));
  });

  it("adds, changes and removes conditions", () => {
    let rules = addCondition(DEFAULTS, 0);
    expect(rules[0]!.when).toEqual([...DEFAULTS[0]!.when, { stat: "users", op: ">=", value: 100 }]);
    rules = updateCondition(rules, 0, 2, { stat: "recencyDays", op: "<", value: 14 });
    expect(rules[0]!.when[2]).toEqual({ stat: "recencyDays", op: "<", value: 14 });
    rules = removeCondition(removeCondition(removeCondition(rules, 0, 0), 0, 0), 0, 0);
    expect(rules[0]!.when).toEqual([]);
    const check = validatePlaybookRules(rules);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.issues).toEqual([{ ruleIndex: 0, field: "when", conditionIndex: null, message: "A rule needs at least one condition" }]);
  });

  it("names what changed between versions", () => {
    let after = updateCondition(DEFAULTS, 0, 0, { value: 3 });
    after = setRuleEnabled(after, 1, false);
    after = deleteRule(after, 2);
    after = addRule(after);
    expect(describePlaybookChanges(DEFAULTS, after)).toEqual([
      "Changed upsell-engaged-non-payers",
      "Disabled fast-track-converters",
      "Added new-rule",
      "Removed win-back-valuable",
    ]);
    expect(describePlaybookChanges(DEFAULTS, [...DEFAULTS].reverse())).toEqual(["Reordered the rules"]);
    expect(describePlaybookChanges(DEFAULTS, DEFAULTS)).toEqual([]);
  });

  it("compares rules as data: key order and an explicit enabled: true do not count", () => {
    const reordered = DEFAULTS.map((rule) => ({ ...(Object.fromEntries(Object.entries(rule).reverse()) as RecommendationRule), enabled: true }));
    expect(sameRules(DEFAULTS, reordered)).toBe(true);
    expect(sameRules(DEFAULTS, updateCondition(DEFAULTS, 0, 0, { value: 2.5 }))).toBe(false);
  });
});

describe("validatePlaybookRules", () => {
  it("points each problem at its rule, field or condition", () => {
    const draft = [
      { ...DEFAULTS[0]!, message: "{segment} has {happiness}", audience: [] },
      { ...DEFAULTS[1]!, id: "Bad Id", when: [{ stat: "share", op: ">=", value: Number.NaN }] },
      { ...DEFAULTS[2]!, id: DEFAULTS[0]!.id, minUsers: 0 },
    ];
    const check = validatePlaybookRules(draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => [issue.ruleIndex, issue.field, issue.conditionIndex])).toEqual([
      [0, "audience", null],
      [0, "message", null],
      [1, "id", null],
      [1, "when", 0],
      [2, "minUsers", null],
      [2, "id", null],
    ]);
    expect(check.issues.map((issue) => issueSentence(issue, draft))).toEqual([
      'Rule 1 ("upsell-engaged-non-payers"), audience: Name at least one audience',
      'Rule 1 ("upsell-engaged-non-payers"), message: Rule "upsell-engaged-non-payers": unknown placeholder {happiness}',
      'Rule 2 ("Bad Id"), id: Rule ids are lower-case words joined by hyphens',
      'Rule 2 ("Bad Id"), condition 1: A threshold must be a number',
      'Rule 3 ("upsell-engaged-non-payers"), minimum users: Too small: expected number to be >=1',
      'Rule 3 ("upsell-engaged-non-payers"), id: Two rules share the id "upsell-engaged-non-payers"',
    ]);
  });

  it("refuses what is not a list, and accepts the defaults", () => {
    expect(validatePlaybookRules({ rules: [] })).toEqual({ ok: false, issues: [{ ruleIndex: null, field: null, conditionIndex: null, message: "A playbook is a list of rules" }] });
    expect(validatePlaybookRules(DEFAULTS)).toEqual({ ok: true, rules: DEFAULTS });
  });
});

describe("playbook wording", () => {
  it("says a rule in plain words", () => {
    expect(describeWhen(DEFAULTS[0]!)).toBe(
      "When active days a week (median user) at least 2 and conversion rate vs everyone at most 0.5×, in segments of 30+ users.",
    );
    expect(describeCondition({ stat: "noCoreFeatureShare", op: ">=", value: 0.5 })).toBe("share who never used a core feature at least 50%");
    expect(describeCondition({ stat: "recencyDays", op: "<", value: 60 })).toBe("days since last seen (median user) less than 60 days");
  });

  it("edits shares as percentages and stores them as fractions", () => {
    expect(inputUnit("share")).toBe("%");
    expect(inputUnit("activeDaysPerWeek")).toBe("days a week");
    expect(inputUnit("conversionLift")).toBe("× everyone");
    expect(toInputValue("share", 0.07)).toBe(7);
    expect(fromInputValue("share", "7")).toBe(0.07);
    expect(fromInputValue("share", "12.5%")).toBe(0.125);
    expect(toInputValue("conversionLift", 0.5)).toBe(0.5);
    expect(fromInputValue("recencyDays", "1,000")).toBe(1000);
    expect(fromInputValue("recencyDays", "")).toBeNaN();
    expect(fromInputValue("recencyDays", "abc")).toBeNaN();
  });
});

describe("ruleFiresFor", () => {
  // A (40 users): 7 active days a week, never converted; B (60): 0.7 days a week, half converted. Everyone converts 30%.
  const rows = [
    ...Array.from({ length: 40 }, (_, i) => featureRow(`a${i}`, { activeDays30d: 30 })),
    ...Array.from({ length: 60 }, (_, i) => featureRow(`b${i}`, { activeDays30d: 3, converted: i < 30 ? 1 : 0 })),
  ];
  const store = fromRows(rows);
  const stats = segmentStats(store, { labels: Uint16Array.from(rows, (row) => (row.userId.startsWith("a") ? 0 : 1)), segments: ["A", "B"] });

  it("previews the segments a rule fires for, even when it is disabled", () => {
    const upsell = { ...DEFAULTS[0]!, enabled: false };
    expect(ruleFiresFor(upsell, stats)).toEqual([{ segment: "A", users: 40, finding: "A uses the product 7 days a week, yet only 0% converted (everyone: 30%)" }]);
    // ≥ 8 days a week: nobody.
    expect(ruleFiresFor(updateCondition([upsell], 0, 0, { value: 8 })[0]!, stats)).toEqual([]);
  });
});
