import { describe, expect, it } from "vitest";
import { MODELS, BUILT_IN_MODEL_IDS } from "../definitions/models";
import { fromRows } from "./feature-store";
import { scoreModel } from "./score-model";
import { featureRow, firstSeenDaysAgo } from "./test-feature-rows";

const store = fromRows(
  Object.freeze([
    featureRow("a", { recencyDays: 1, frequency: 9, monetary: 90, sessionsPerWeek: 6, coreFeaturesUsed: 4, sessions30d: 20, converted: 1 }),
    featureRow("b", { recencyDays: 40, frequency: 2, monetary: 10, sessionsPerWeek: 0.5, sessions30d: 0 }),
    featureRow("c", { recencyDays: 3, frequency: 4, monetary: 30, sessionsPerWeek: 2, coreFeaturesUsed: 1, sessions30d: 6, firstSeen: firstSeenDaysAgo(3) }),
  ]),
);

describe("scoreModel", () => {
  it("scores every model's default definition through one entry point", () => {
    for (const id of BUILT_IN_MODEL_IDS) {
      const result = scoreModel(id, store, MODELS[id].defaultDefinition);
      expect(result.labels, id).toBeInstanceOf(Uint16Array);
      expect(result.labels.length, id).toBe(3);
      for (const label of result.labels) expect(label, id).toBeLessThan(result.segments.length);
      const described = (MODELS[id].describeCriteria as (definition: unknown) => { segment: string }[])(MODELS[id].defaultDefinition);
      expect(result.segments, id).toEqual(described.map((entry) => entry.segment));
    }
  });

  it("gives the same answer as the model's own scorer", () => {
    const result = scoreModel("behavior-rules", store, MODELS["behavior-rules"].defaultDefinition);
    expect([...result.labels].map((label) => result.segments[label])).toEqual(["Power users", "Dormant", "New"]);
  });
});
