import { describe, expect, it } from "vitest";
import { createFeatureStore } from "../scoring/feature-store";
import { applyScaler, skewness, standardize, unscale } from "./standardize";

const store = createFeatureStore({
  userIds: ["a", "b", "c", "d", "e"],
  asOf: null,
  columns: {
    // Heavy-tailed over the first four users (skewness ≈ 1.018 > 1); e has no value.
    frequency: Float64Array.of(1, 2, 3, 10, Number.NaN),
    sessionsPerWeek: Float64Array.of(1, 2, 3, 4, 5),
    coreFeaturesUsed: Float64Array.of(2, 2, 2, 2, 2),
  },
});

describe("skewness", () => {
  it("is the population g1", () => {
    // 1, 2, 3, 10: mean 4; deviations −3, −2, −1, 6; m2 = 50/4 = 12.5; m3 = (−27 − 8 − 1 + 216)/4 = 45; g1 = 45 / 12.5^1.5.
    expect(skewness(Float64Array.of(1, 2, 3, 10), Int32Array.of(0, 1, 2, 3))).toBeCloseTo(45 / 12.5 ** 1.5, 12);
    expect(skewness(Float64Array.of(1, 2, 3, 4), Int32Array.of(0, 1, 2, 3))).toBe(0);
  });
});

describe("standardize", () => {
  it("leaves out users with a missing value, logs skewed counts and z-scores with the population sd", () => {
    const points = standardize(store, ["frequency", "sessionsPerWeek"]);
    expect(points.rows).toBe(4);
    expect(points.missing).toBe(1);
    expect(Array.from(points.rowUsers)).toEqual([0, 1, 2, 3]);
    const logs = [1, 2, 3, 10].map(Math.log1p);
    const mean = logs.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 4);
    expect(points.scaler.features[0]).toEqual({ feature: "frequency", log: true, mean: expect.closeTo(mean, 12), sd: expect.closeTo(sd, 12) });
    // sessionsPerWeek over users a–d: 1..4, skewness 0 → no log; mean 2.5, sd √1.25; a's z = −1.5/√1.25.
    expect(points.scaler.features[1]).toEqual({ feature: "sessionsPerWeek", log: false, mean: 2.5, sd: Math.sqrt(1.25) });
    expect(points.data[1]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 12);
    expect(points.data[0]).toBeCloseTo((Math.log1p(1) - mean) / sd, 12);
  });

  it("lets the caller turn the log transform off", () => {
    const points = standardize(store, ["frequency"], { log: { frequency: false } });
    expect(points.scaler.features[0]).toMatchObject({ log: false, mean: 4, sd: Math.sqrt(12.5) });
  });

  it("warns about a constant feature and scores it 0", () => {
    const points = standardize(store, ["coreFeaturesUsed", "sessionsPerWeek"]);
    expect(points.warnings).toEqual(["coreFeaturesUsed has the same value for every clustered user: it cannot separate clusters"]);
    expect(points.scaler.features[0]).toMatchObject({ mean: 2, sd: 1 });
    expect(points.data[0]).toBe(0);
  });

  it("scores new users on the fitted scale and maps z back to units", () => {
    // Fitted on users a–d (e lacks frequency): sessionsPerWeek mean 2.5, sd √1.25. User e (5) is new: z = 2.5/√1.25.
    const fitted = standardize(store, ["frequency", "sessionsPerWeek"]);
    const scored = applyScaler(store, { features: [fitted.scaler.features[1]!] }, Int32Array.of(4));
    expect(scored.data[0]).toBeCloseTo(2.5 / Math.sqrt(1.25), 12);
    expect(unscale({ feature: "frequency", log: true, mean: 1, sd: 2 }, 0.5)).toBeCloseTo(Math.expm1(2), 12);
  });

  it("refuses no features or no complete user", () => {
    expect(() => standardize(store, [])).toThrow("Choose at least one feature");
    expect(() => standardize(store, ["monetary"])).toThrow("No user has a value for all of monetary");
  });
});
