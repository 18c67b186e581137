import { describe, expect, it } from "vitest";
import { MODEL_IDS } from "./models";
import { INDUSTRY_THRESHOLDS, SEGMENT_THRESHOLD_CONVENTIONS, industryThreshold, segmentThresholdConvention, thresholdSentence } from "./industry-thresholds";

describe("INDUSTRY_THRESHOLDS", () => {
  it("gives every threshold a source with a web address, a kind and a caveat", () => {
    expect(INDUSTRY_THRESHOLDS.length).toBeGreaterThanOrEqual(7);
    for (const entry of INDUSTRY_THRESHOLDS) {
      expect(entry.sources.length, entry.id).toBeGreaterThan(0);
      for (const source of entry.sources) {
        expect(source.name.trim(), entry.id).not.toBe("");
        expect(new URL(source.url).protocol, `${entry.id}: ${source.url}`).toBe("https:");
      }
      expect(["documented default", "convention", "rule of thumb"]).toContain(entry.kind);
      expect(entry.caveat.length, entry.id).toBeGreaterThan(20);
      expect(entry.claim.length, entry.id).toBeGreaterThan(10);
      expect(Number.isFinite(entry.value), entry.id).toBe(true);
    }
    expect(new Set(INDUSTRY_THRESHOLDS.map((entry) => entry.id)).size).toBe(INDUSTRY_THRESHOLDS.length);
  });

  it("holds the values the app suggests", () => {
    expect(industryThreshold("session-timeout")).toMatchObject({ value: 30, unit: "minutes", kind: "documented default" });
    expect(industryThreshold("dau-mau-daily-product")).toMatchObject({ value: 20, unit: "%", kind: "rule of thumb" });
    expect(industryThreshold("transaction-churn-window")).toMatchObject({ value: 90, kind: "rule of thumb" });
    expect(thresholdSentence(industryThreshold("session-timeout"))).toBe("30 minutes: the default of GA4 and of Amplitude on the web (documented default).");
  });

  it("maps segment thresholds of real models, list items included", () => {
    for (const modelId of Object.keys(SEGMENT_THRESHOLD_CONVENTIONS)) expect(MODEL_IDS).toContain(modelId);
    expect(segmentThresholdConvention("rfm", "percentileCutPoints.2")?.id).toBe("rfm-quintiles");
    expect(segmentThresholdConvention("rfm", "percentileCutPointsX")).toBeNull();
    expect(segmentThresholdConvention("lifecycle", "churnedAfterDays")?.id).toBe("transaction-churn-window");
    expect(segmentThresholdConvention("behavior-rules", "rules.Dormant.recencyDays")).toBeNull();
  });
});
