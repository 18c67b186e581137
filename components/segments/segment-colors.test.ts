import { describe, expect, it } from "vitest";
import { BUILT_IN_MODEL_IDS, MODELS, type ModelId } from "@/lib/definitions/models";
import type { SegmentCriteria } from "@/lib/definitions/segment-name";
import { segmentColor } from "./segment-colors";

describe("segmentColor", () => {
  it("gives each segment of a default model its own colour", () => {
    for (const modelId of BUILT_IN_MODEL_IDS) {
      const model = MODELS[modelId as ModelId];
      const segments = (model.describeCriteria as (definition: unknown) => SegmentCriteria[])(model.defaultDefinition).map((entry) => entry.segment);
      const colors = segments.map((segment) => segmentColor(segment).hex);
      expect(new Set(colors).size, `${modelId}: ${segments.join(", ")}`).toBe(segments.length);
    }
  });

  it("is the same for the same name, whatever its case and spacing", () => {
    expect(segmentColor(" power USERS ")).toEqual(segmentColor("Power users"));
    expect(segmentColor("Churned").hex).toBe("#dc2626");
    expect(segmentColor("Trial users")).toEqual(segmentColor("trial users"));
  });
});
