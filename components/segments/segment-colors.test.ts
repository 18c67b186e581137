import { describe, expect, it } from "vitest";
import { BUILT_IN_MODEL_IDS, MODELS, type ModelId } from "@/lib/definitions/models";
import type { SegmentCriteria } from "@/lib/definitions/segment-name";
import { segmentColor, segmentColors } from "./segment-colors";

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

describe("segmentColors", () => {
  it("gives names shown together distinct colours, the same whatever their order", () => {
    // Find two custom names whose hashed colours collide.
    const names = Array.from({ length: 40 }, (_, i) => `Channel ${i}`);
    const first = names.find((name) => names.some((other) => other !== name && segmentColor(other).hex === segmentColor(name).hex))!;
    const twin = names.find((other) => other !== first && segmentColor(other).hex === segmentColor(first).hex)!;
    const shown = [first, twin, "Churned"];
    const colorOf = segmentColors(shown);
    expect(new Set(shown.map((name) => colorOf(name).hex)).size).toBe(3);
    expect(colorOf("Churned").hex).toBe("#dc2626");
    const reversed = segmentColors([...shown].reverse());
    expect(shown.map((name) => reversed(name).hex)).toEqual(shown.map((name) => colorOf(name).hex));
    // The alphabetically first of the twins keeps its own colour; the other moves.
    const [keeps, moves] = [first, twin].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    expect(colorOf(keeps!).hex).toBe(segmentColor(keeps!).hex);
    expect(colorOf(moves!).hex).not.toBe(segmentColor(moves!).hex);
  });

  it("keeps a custom name off a built-in name's colour", () => {
    const custom = Array.from({ length: 40 }, (_, i) => `Group ${i}`).find((name) => segmentColor(name).hex === segmentColor("Power users").hex)!;
    const colorOf = segmentColors([custom, "Power users"]);
    expect(colorOf("Power users").hex).toBe("#7c3aed");
    expect(colorOf(custom).hex).not.toBe("#7c3aed");
  });
});
