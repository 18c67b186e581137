import { describe, expect, it } from "vitest";
import { DEFAULT_BEHAVIOR_RULES } from "@/lib/definitions/behavior-rules";
import { BUILT_IN_MODEL_IDS, MODELS, validateDefinition, type ModelId } from "@/lib/definitions/models";
import { HAND_MADE_CLUSTERS } from "@/lib/definitions/clusters-fixture";
import { DEFAULT_RFM } from "@/lib/definitions/rfm";
import { applyOverrides } from "@/lib/cli/definition-override";
import { applyThresholdOverrides, itemRef, listThresholds, parseThresholdValue, thresholdText } from "./thresholds";

describe("listThresholds", () => {
  it("names behavior-rule thresholds by rule and feature, skipping yes/no flags", () => {
    const keys = listThresholds("behavior-rules", DEFAULT_BEHAVIOR_RULES).map((threshold) => threshold.key);
    // Churned's "cancelled = 1" is a flag, not a threshold.
    expect(keys).toEqual([
      "rules.Churned.recencyDays",
      "rules.Dormant.recencyDays",
      "rules.New.ageDays",
      "rules.One-and-done.sessionsTotal",
      "rules.One-and-done.ageDays",
      "rules.Power users.sessionsPerWeek",
      "rules.Power users.coreFeaturesUsed",
      "rules.Engaged.sessionsPerWeek",
      "rules.Engaged.activeDays30d",
    ]);
  });

  it("takes slider ranges from the feature catalogue", () => {
    const thresholds = listThresholds("behavior-rules", DEFAULT_BEHAVIOR_RULES);
    const activeDays = thresholds.find((threshold) => threshold.key === "rules.Engaged.activeDays30d")!;
    // activeDays30d: min 0, max 30, integer (features.ts)
    expect(activeDays).toMatchObject({ kind: "number", value: 8, sliderMin: 0, sliderMax: 30, step: 1, operator: "≥" });
    const recency = thresholds.find((threshold) => threshold.key === "rules.Dormant.recencyDays")!;
    expect(recency).toMatchObject({ group: "Dormant", label: "recency", unit: "days", value: 30 });
  });

  it("gives every model unique keys whose default values validate", () => {
    for (const modelId of BUILT_IN_MODEL_IDS) {
      const thresholds = listThresholds(modelId as ModelId, MODELS[modelId].defaultDefinition as never);
      const keys = thresholds.map((threshold) => threshold.key);
      expect(new Set(keys).size, modelId).toBe(keys.length);
      expect(thresholds.length, modelId).toBeGreaterThan(0);
      for (const threshold of thresholds) {
        if (threshold.kind === "number") {
          expect(threshold.sliderMin, threshold.key).toBeLessThanOrEqual(threshold.value);
          expect(threshold.sliderMax, threshold.key).toBeGreaterThanOrEqual(threshold.value);
        }
      }
    }
  });

  it("offers a saved clustering's cluster names, keyed by position so a rename keeps its key", () => {
    const thresholds = listThresholds("clusters", HAND_MADE_CLUSTERS);
    expect(thresholds.map((threshold) => [threshold.key, threshold.kind, threshold.value])).toEqual([
      ["clusters.0.name", "text", "Light"],
      ["clusters.1.name", "text", "Regular"],
      ["clusters.2.name", "text", "Heavy"],
    ]);
    const renamed = applyThresholdOverrides("clusters", HAND_MADE_CLUSTERS, { "clusters.2.name": "Power users", "clusters.0.name": "Light" });
    expect(renamed.applied).toEqual(["clusters.2.name"]);
    expect(renamed.definition.clusters.map((cluster) => cluster.name)).toEqual(["Light", "Regular", "Power users"]);
    expect(renamed.definition.clusters[2]!.centroid).toEqual([2, 2]);
    expect(HAND_MADE_CLUSTERS.clusters[2]!.name).toBe("Heavy");
    expect(validateDefinition("clusters", applyThresholdOverrides("clusters", HAND_MADE_CLUSTERS, { "clusters.1.name": "Light" }).definition)).toEqual({
      ok: false,
      errors: ['The name "Light" is used twice'],
    });
  });

  it("hides RFM's fixed thresholds in percentile mode and the cut points in fixed mode", () => {
    const visible = (definition: typeof DEFAULT_RFM) =>
      listThresholds("rfm", definition)
        .filter((threshold) => !threshold.hidden)
        .map((threshold) => threshold.key);
    expect(visible(DEFAULT_RFM)).toContain("percentileCutPoints.3");
    expect(visible(DEFAULT_RFM)).not.toContain("thresholds.recencyDaysAtMost.3");
    const fixed = applyThresholdOverrides("rfm", DEFAULT_RFM, { mode: "threshold" }).definition;
    expect(visible(fixed)).toContain("thresholds.recencyDaysAtMost.3");
    expect(visible(fixed)).not.toContain("percentileCutPoints.3");
  });
});

describe("applyThresholdOverrides", () => {
  it("writes edited numbers into a copy of the base definition", () => {
    const { definition, applied, unknown } = applyThresholdOverrides("behavior-rules", DEFAULT_BEHAVIOR_RULES, {
      "rules.Dormant.recencyDays": "20",
      "rules.Churned.recencyDays": "45",
      "rules.Nobody.recencyDays": "1",
    });
    expect(definition.rules[1]!.conditions[0]).toEqual({ feature: "recencyDays", operator: ">=", value: 20 });
    expect(definition.rules[0]!.conditions[1]).toEqual({ feature: "recencyDays", operator: ">=", value: 45 });
    expect(applied).toEqual(["rules.Dormant.recencyDays", "rules.Churned.recencyDays"]);
    expect(unknown).toEqual(["rules.Nobody.recencyDays"]);
    // The base is untouched (it is frozen; a write would throw).
    expect(DEFAULT_BEHAVIOR_RULES.rules[1]!.conditions[0]).toMatchObject({ value: 30 });
    expect(validateDefinition("behavior-rules", definition).ok).toBe(true);
  });

  it("does not count a value equal to the base as an edit", () => {
    expect(applyThresholdOverrides("behavior-rules", DEFAULT_BEHAVIOR_RULES, { "rules.Dormant.recencyDays": "30" }).applied).toEqual([]);
  });

  it("lets validation name a value that is not a number or is out of range", () => {
    const notNumber = applyThresholdOverrides("behavior-rules", DEFAULT_BEHAVIOR_RULES, { "rules.Dormant.recencyDays": "abc" }).definition;
    const checked = validateDefinition("behavior-rules", notNumber);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toEqual(['Rule 2 "Dormant", condition 1: value must be a finite number (got NaN)']);
    const negative = applyThresholdOverrides("behavior-rules", DEFAULT_BEHAVIOR_RULES, { "rules.Dormant.recencyDays": "-5" }).definition;
    const negativeChecked = validateDefinition("behavior-rules", negative);
    expect(!negativeChecked.ok && negativeChecked.errors).toEqual(['Rule 2 "Dormant", condition 1: recency cannot be negative (got −5 days)']);
  });

  it("applies choices and booleans", () => {
    const lifecycle = applyThresholdOverrides("lifecycle", MODELS.lifecycle.defaultDefinition, { cancelledCountsAsChurned: "false", "atRisk.inactiveDays": "10" });
    expect(lifecycle.definition.cancelledCountsAsChurned).toBe(false);
    expect(lifecycle.definition.atRisk.inactiveDays).toBe(10);
  });
});

describe("keys are the CLI's --set paths", () => {
  it("sets the same number as `strata segments --set KEY=VALUE`, for every threshold of every model", () => {
    const bases: [ModelId, unknown][] = [...BUILT_IN_MODEL_IDS.map((id): [ModelId, unknown] => [id, MODELS[id].defaultDefinition]), ["clusters", HAND_MADE_CLUSTERS]];
    for (const [modelId, definition] of bases) {
      const base = definition as never;
      for (const threshold of listThresholds(modelId, base)) {
        const text =
          threshold.kind === "number"
            ? String(threshold.value + 1)
            : threshold.kind === "text"
              ? `${threshold.value} renamed`
              : threshold.options.find((option) => option.value !== threshold.value)!.value;
        const ours = applyThresholdOverrides(modelId, base, { [threshold.key]: text }).definition;
        const cli = applyOverrides(base, [`${threshold.key}=${text}`]);
        expect(ours, `${modelId} ${threshold.key}`).toEqual(cli);
      }
    }
  });

  it("names list items by name only when that is unambiguous and path-safe", () => {
    const items = [{ name: "Trial" }, { name: "trial" }, { name: "v1.2" }, { name: "7" }, { name: "Paid" }];
    expect(items.map((item, index) => itemRef(items, index, item.name))).toEqual(["0", "1", "2", "3", "Paid"]);
  });
});

describe("helpers", () => {
  it("round-trips values through URL text", () => {
    const [first] = listThresholds("behavior-rules", DEFAULT_BEHAVIOR_RULES);
    expect(thresholdText(first!)).toBe("60");
    expect(parseThresholdValue(first!, " 45 ")).toBe(45);
    expect(parseThresholdValue(first!, "")).toBeNaN();
  });
});
