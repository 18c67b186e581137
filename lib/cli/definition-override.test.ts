import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES } from "../definitions/behavior-rules";
import { DEFAULT_INTENT } from "../definitions/intent";
import { validateDefinition } from "../definitions/models";
import { DEFAULT_PQL } from "../definitions/pql";
import { DEFAULT_RFM } from "../definitions/rfm";
import { DefinitionOverrideError, applyOverrides, parseAssignment } from "./definition-override";

describe("applyOverrides", () => {
  it("sets a rule's threshold by rule name and feature, or by positions, without touching the input", () => {
    const byName = applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.Power users.sessionsPerWeek=4"]);
    const byIndex = applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.4.conditions.0.value=4"]);
    expect(byName.rules[4]!.conditions[0]).toEqual({ feature: "sessionsPerWeek", operator: ">", value: 4 });
    expect(byIndex).toEqual(byName);
    expect(DEFAULT_BEHAVIOR_RULES.rules[4]!.conditions[0]).toEqual({ feature: "sessionsPerWeek", operator: ">", value: 5 });
  });

  it("matches names without regard to case and reads JSON values", () => {
    const rfm = applyOverrides(DEFAULT_RFM, ["mode=threshold", "percentileCutPoints=[0.25,0.5,0.7,0.9]", "thresholds.recencyDaysAtMost.3=14"]);
    expect(rfm.mode).toBe("threshold");
    expect(rfm.percentileCutPoints).toEqual([0.25, 0.5, 0.7, 0.9]);
    expect(rfm.thresholds.recencyDaysAtMost).toEqual([180, 90, 30, 14]);
    const rules = applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.dormant.recencyDays=21", "fallback=Everyone else", "rules.engaged.match=all"]);
    expect(rules.rules[1]!.conditions[0]).toEqual({ feature: "recencyDays", operator: ">=", value: 21 });
    expect(rules.fallback).toBe("Everyone else");
    expect(rules.rules[5]!.match).toBe("all");
  });

  it("finds intent signals by event and PQL criteria by label or event", () => {
    const intent = applyOverrides(DEFAULT_INTENT, ["signals.view_pricing.points=8", "bands.highAtLeast=12"]);
    expect(intent.signals[0]).toEqual({ event: "view_pricing", label: "Viewed pricing", points: 8, maxCount: 1 });
    expect(intent.bands.highAtLeast).toBe(12);
    const pql = applyOverrides(DEFAULT_PQL, ["criteria.Invited a teammate.invite_teammate=2", "criteria.Viewed pricing.points=5"]);
    expect(pql.criteria[1]!.when).toEqual({ event: "invite_teammate", operator: ">=", value: 2 });
    expect(pql.criteria[3]!.points).toBe(5);
  });

  it("leaves a bad value to validation, which names it", () => {
    const edited = applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.Dormant.recencyDays=-3"]);
    expect(validateDefinition("behavior-rules", edited)).toEqual({
      ok: false,
      errors: ['Rule 2 "Dormant", condition 1: recency cannot be negative (got −3 days)'],
    });
  });

  it("names the step that does not exist and what would", () => {
    expect(() => applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.Superusers.sessionsPerWeek=4"])).toThrow(
      new DefinitionOverrideError(
        '"rules" has no entry "Superusers"; use a position 0–5 or one of "Churned", "Dormant", "New", "One-and-done", "Power users", "Engaged"',
      ),
    );
    expect(() => applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.9.match=all"])).toThrow(
      '"rules" has 6 entries; position 9 is past the end (positions start at 0)',
    );
    expect(() => applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rule.0.match=all"])).toThrow('the definition has no "rule"; use "rules", "fallback"');
    expect(() => applyOverrides(DEFAULT_BEHAVIOR_RULES, ["fallback.name=x"])).toThrow('"fallback" is a single value; "name" cannot be looked up inside it');
  });

  it("refuses an assignment without = or with an empty step", () => {
    expect(() => parseAssignment("rules.0.match")).toThrow('--set "rules.0.match": expected PATH=VALUE');
    expect(() => parseAssignment("rules..match=all")).toThrow("the path has an empty step");
  });
});
