import { describe, expect, it } from "vitest";
import { setRuleEnabled } from "../recommendations/playbook-edits";
import { DEFAULT_RECOMMENDATION_RULES } from "../recommendations/recommendation-rules";
import { formatPlaybook, rulesFromFile } from "./playbook-command";

describe("rulesFromFile", () => {
  it("reads a list, { rules } or the --json output, so print → edit → set round-trips", () => {
    const rules = [{ id: "a" }];
    expect(rulesFromFile(rules)).toBe(rules);
    expect(rulesFromFile({ rules })).toBe(rules);
    expect(rulesFromFile({ dataset: "x", inForce: { version: 2, rules } })).toBe(rules);
    // Anything else is passed on for validation to name.
    expect(rulesFromFile({ other: 1 })).toEqual({ other: 1 });
  });
});

describe("formatPlaybook", () => {
  it("prints each rule in plain words and the versions", () => {
    const rules = setRuleEnabled(DEFAULT_RECOMMENDATION_RULES, 1, false);
    const text = formatPlaybook({
      dataset: "shop",
      inForce: { version: 2, builtIn: false, note: "No fast track", changes: ["Disabled fast-track-converters"], savedAt: "2026-07-01T09:30:00.000Z", rules },
      versions: [
        { version: 2, note: "No fast track", changes: ["Disabled fast-track-converters"], savedAt: "2026-07-01T09:30:00.000Z", ruleCount: 9, enabledCount: 8 },
        { version: 1, note: null, changes: ["First saved version", "Changed advocates"], savedAt: "2026-06-30T08:00:00.000Z", ruleCount: 9, enabledCount: 9 },
      ],
      defaults: [...DEFAULT_RECOMMENDATION_RULES],
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe('Playbook of shop: v2, saved 2026-07-01 09:30 UTC — "No fast track"; 9 rules, 8 enabled.');
    expect(lines.slice(2, 6)).toEqual([
      "[on]  upsell-engaged-non-payers · monetization · for Product, Sales",
      "      When active days a week (median user) at least 2 and conversion rate vs everyone at most 0.5×, in segments of 30+ users.",
      "      Says: {segment} uses the product {activeDaysPerWeek} days a week, yet only {conversionRate} converted (everyone: {overall.conversionRate})",
      "      → Targeted upsell: show the paid plan where these users hit its limits",
    ]);
    expect(lines[6]).toBe("[off] fast-track-converters · monetization · for Sales, Marketing");
    expect(text).toContain('  v2  2026-07-01 09:30 UTC  "No fast track" — Disabled fast-track-converters (8/9 rules on)');
    expect(text).toContain("  v1  2026-06-30 08:00 UTC  First saved version; Changed advocates (9/9 rules on)");
  });
});
