import { describe, expect, it } from "vitest";
import { clusterTraits, nameClusters, nameFromCentroid, renameClusters, uniqueNames } from "./naming";
import type { Scaler } from "./standardize";

const scaler: Scaler = {
  features: [
    { feature: "sessionsPerWeek", log: false, mean: 2, sd: 1 },
    { feature: "coreFeaturesUsed", log: false, mean: 2, sd: 1 },
    { feature: "converted", log: false, mean: 0.2, sd: 0.4 },
    { feature: "monetary", log: true, mean: 1, sd: 1 },
  ],
};

describe("nameFromCentroid", () => {
  it("names a cluster by its 2–3 most distinguishing features, in words", () => {
    // |z|: sessions 2.1 (≥ 1.5 → "very"), core features 1.4, converted 0.6, monetary 0.1 (below 0.5: not named).
    expect(nameFromCentroid([2.1, 1.4, -0.6, 0.1], scaler)).toBe("Very frequent sessions, many core features, not converted");
    expect(nameFromCentroid([-0.7, 0.1, 0, 0.55], scaler)).toBe("Infrequent sessions, high spend");
  });

  it("calls a cluster near the average on every feature typical", () => {
    expect(nameFromCentroid([0.2, -0.1, 0.3, 0.4], scaler)).toBe("Typical users");
  });
});

describe("clusterTraits", () => {
  it("orders features by |z| and shows the centroid in the feature's units", () => {
    const traits = clusterTraits([2.1, 1.4, -0.6, 0.1], scaler);
    expect(traits.map((trait) => trait.feature)).toEqual(["sessionsPerWeek", "coreFeaturesUsed", "converted", "monetary"]);
    // sessions: 2.1·1 + 2 = 4.1; monetary: expm1(0.1·1 + 1) = e^1.1 − 1.
    expect(traits[0]).toEqual({ feature: "sessionsPerWeek", z: 2.1, value: expect.closeTo(4.1, 12), text: "4.1 sessions/week" });
    expect(traits[3]!.value).toBeCloseTo(Math.expm1(1.1), 12);
  });
});

describe("names", () => {
  it("makes repeated names unique", () => {
    expect(uniqueNames(["Typical users", "Busy", "Typical users", "Typical users"])).toEqual(["Typical users", "Busy", "Typical users (2)", "Typical users (3)"]);
    expect(nameClusters(Float64Array.of(0, 0, 0, 0, 0.1, 0, 0, 0), 2, scaler)).toEqual(["Typical users", "Typical users (2)"]);
  });

  it("applies edits and refuses empty, too long or repeated names", () => {
    expect(renameClusters(["A", "B", "C"], { 1: "  Power users " })).toEqual({ ok: true, names: ["A", "Power users", "C"] });
    expect(renameClusters(["A", "B", "C"], { 0: " ", 2: "B", 5: "X" })).toEqual({
      ok: false,
      errors: ["There is no cluster 6 to rename (there are 3)", "Cluster 1 needs a name", 'Clusters 2 and 3 are both named "B"'],
    });
    expect(renameClusters(["A"], { 0: "x".repeat(81) })).toEqual({ ok: false, errors: ["Cluster 1's name is longer than 80 characters"] });
  });
});
