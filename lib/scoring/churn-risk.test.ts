import { describe, expect, it } from "vitest";
import { DEFAULT_CHURN_RISK, describeChurnRiskCriteria } from "../definitions/churn-risk";
import { scoreChurnRisk } from "./churn-risk";
import { fromRows } from "./feature-store";
import { featureRow } from "./test-feature-rows";

describe("scoreChurnRisk", () => {
  it("checks high (≥ 14 days), then medium (< 0.5× baseline), then low (≥ 7 days)", () => {
    const store = fromRows(
      Object.freeze([
        featureRow("gone", { recencyDays: 14, activity30dVsBaseline: 0.1 }), // High beats Medium
        featureRow("fading", { recencyDays: 8, activity30dVsBaseline: 0.4 }), // Medium beats Low
        featureRow("pause", { recencyDays: 7, activity30dVsBaseline: 0.9 }), // Low
        featureRow("newcomer", { recencyDays: 9, activity30dVsBaseline: null }), // Low: no baseline, judged on inactivity
        featureRow("steady", { recencyDays: 1, activity30dVsBaseline: 0.5 }), // Healthy: 0.5 is not < 0.5
      ]),
    );
    const result = scoreChurnRisk(store, DEFAULT_CHURN_RISK);
    expect([...result.labels].map((label) => result.segments[label])).toEqual(["High risk", "Medium risk", "Low risk", "Low risk", "Healthy"]);
  });

  it("follows adjusted numbers", () => {
    const store = fromRows([featureRow("a", { recencyDays: 10, activity30dVsBaseline: 1 })]);
    const result = scoreChurnRisk(store, { highInactiveDays: 10, lowInactiveDays: 3, mediumActivityVsBaselineBelow: 0.5 });
    expect(result.segments[result.labels[0]!]).toBe("High risk");
  });

  it("describes the levels", () => {
    expect(describeChurnRiskCriteria(DEFAULT_CHURN_RISK)).toEqual([
      { segment: "High risk", criteria: "recency ≥ 14 days" },
      { segment: "Medium risk", criteria: "last-30-day activity vs baseline < 0.5×" },
      { segment: "Low risk", criteria: "recency ≥ 7 days" },
      { segment: "Healthy", criteria: "everyone else: active recently, at their usual level" },
    ]);
  });
});
