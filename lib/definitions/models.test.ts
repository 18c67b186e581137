import { describe, expect, it } from "vitest";
import { BUILT_IN_MODEL_IDS, MODELS, MODEL_IDS, builtInDefinition, noBuiltInDefinitionMessage, validateDefinition } from "./models";

describe("model registry", () => {
  it("lists every model with a valid default that survives a JSON round trip", () => {
    expect(MODEL_IDS).toEqual(["behavior-rules", "rfm", "lifecycle", "usage-tiers", "churn-risk", "engagement-score", "pql", "intent", "clusters"]);
    expect(BUILT_IN_MODEL_IDS).toEqual(MODEL_IDS.filter((id) => id !== "clusters"));
    for (const id of BUILT_IN_MODEL_IDS) {
      const model = MODELS[id];
      expect(model.id).toBe(id);
      const json = JSON.parse(JSON.stringify(model.defaultDefinition)) as unknown;
      const result = validateDefinition(id, json);
      expect(result, id).toEqual({ ok: true, definition: model.defaultDefinition });
    }
  });

  it("has no built-in clusters definition, and says where one comes from", () => {
    expect(builtInDefinition("clusters")).toBeNull();
    expect(builtInDefinition("rfm")).toBe(MODELS.rfm.defaultDefinition);
    expect(noBuiltInDefinitionMessage("clusters")).toBe(
      "The Clusters model has no built-in definition: save a clustering from the Clusters tab first, then name it.",
    );
  });

  it("describes every default segment in plain words", () => {
    for (const id of BUILT_IN_MODEL_IDS) {
      const criteria = (MODELS[id].describeCriteria as (definition: unknown) => { segment: string; criteria: string }[])(
        MODELS[id].defaultDefinition,
      );
      expect(criteria.length, id).toBeGreaterThan(1);
      for (const entry of criteria) {
        expect(entry.segment.length, id).toBeGreaterThan(0);
        expect(entry.criteria.length, `${id} ${entry.segment}`).toBeGreaterThan(0);
      }
    }
  });

  it("freezes the defaults, so a screen cannot edit them for everyone", () => {
    for (const id of BUILT_IN_MODEL_IDS) expect(Object.isFrozen(MODELS[id].defaultDefinition), id).toBe(true);
    expect(() => {
      (MODELS["behavior-rules"].defaultDefinition.rules[0]!.conditions as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("refuses an unknown model", () => {
    expect(validateDefinition("kmeans", {})).toEqual({
      ok: false,
      errors: [
        'Unknown model "kmeans"; expected one of "behavior-rules", "rfm", "lifecycle", "usage-tiers", "churn-risk", "engagement-score", "pql", "intent", "clusters"',
      ],
    });
  });

  it("refuses a definition that is not an object", () => {
    expect(validateDefinition("churn-risk", "high")).toEqual({ ok: false, errors: ['The definition must be an object (got "high")'] });
    expect(validateDefinition("churn-risk", null)).toEqual({ ok: false, errors: ["The definition must be an object (got null)"] });
  });
});

describe("validation messages of the parameter models", () => {
  it("lifecycle: thresholds in the wrong order", () => {
    const result = validateDefinition("lifecycle", { ...MODELS.lifecycle.defaultDefinition, dormantAfterDays: 90 });
    expect(result).toEqual({
      ok: false,
      errors: [
        '"Dormant" after 90 days can never match: users are already "Churned" after 60 days — make dormantAfterDays smaller than churnedAfterDays',
      ],
    });
  });

  it("churn risk: low risk after high risk", () => {
    const result = validateDefinition("churn-risk", { highInactiveDays: 7, lowInactiveDays: 14, mediumActivityVsBaselineBelow: 0.5 });
    expect(result).toEqual({
      ok: false,
      errors: [
        '"Low risk" after 14 inactive days can never match: users are already "High risk" after 7 days — make highInactiveDays larger than lowInactiveDays',
      ],
    });
  });

  it("usage tiers: overlapping shares and an unknown metric", () => {
    expect(validateDefinition("usage-tiers", { ...MODELS["usage-tiers"].defaultDefinition, powerTopShare: 0.7 })).toEqual({
      ok: false,
      errors: ["Power users (top 70%) and light users (bottom 40%) overlap: the two shares must add up to at most 100%"],
    });
    const unknown = validateDefinition("usage-tiers", { ...MODELS["usage-tiers"].defaultDefinition, metric: "cancelled" });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.errors[0]).toMatch(/^Metric must be one of "recencyDays", /);
  });

  it("engagement score: tiers out of order", () => {
    const result = validateDefinition("engagement-score", {
      ...MODELS["engagement-score"].defaultDefinition,
      tiers: [
        { name: "High", minScore: 0 },
        { name: "Mid", minScore: 0.5 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: ['Tier 2 "Mid" can never match: its minimum score 0.5 is not below tier 1 "High" (0); list tiers from the highest score down'],
    });
  });

  it("pql: a threshold no one can reach, and a negative event count", () => {
    const result = validateDefinition("pql", {
      mode: "points",
      qualifyAt: 80,
      criteria: [
        { label: "Invited", when: { event: "invite_teammate", operator: ">=", value: -1 }, points: 30 },
        { when: { feature: "coreFeaturesUsed", operator: ">=", value: 3 }, points: 30 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Criterion 1 "Invited": an event count cannot be negative (got −1)',
        "No user can qualify: the criteria add up to at most 60 points, below the qualifying 80",
      ],
    });
  });

  it("pql: reports the branch of a feature-or-event condition the input resembles", () => {
    const result = validateDefinition("pql", {
      ...MODELS.pql.defaultDefinition,
      criteria: [
        { when: { feature: "recency", operator: ">=", value: 1 }, points: 90 },
        { when: { event: "", operator: ">=", value: 1 }, points: 10 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: ['Criterion 1, when: unknown feature "recency" — did you mean "recencyDays"?', "Criterion 2, when: event must not be empty"],
    });
  });

  it("intent: bands out of order", () => {
    const result = validateDefinition("intent", { ...MODELS.intent.defaultDefinition, bands: { highAtLeast: 5, mediumAtLeast: 5 } });
    expect(result).toEqual({ ok: false, errors: ['"Medium intent" can never match: it starts at 5 points, not below "High intent" at 5'] });
  });
});
