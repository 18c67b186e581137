import { describe, expect, it } from "vitest";
import type { AhaThreshold } from "@/lib/insights/insights.types";
import { ahaId, chosenThreshold } from "./aha-labels";
import { directionHeading, intervalText, liftText, pointsText, rateText } from "./insight-labels";

describe("insight labels", () => {
  it("writes rates, lifts and differences as the API's sentences do; 0/0 as a dash", () => {
    // 43 of 90 = 0.47777… → 47.8%; 0.75 − 0.25 = 0.5 → +50 pp; 0.625 / (5/60) = 7.5×.
    expect(rateText(43 / 90)).toBe("47.8%");
    expect(rateText(null)).toBe("–");
    expect(pointsText(0.5)).toBe("+50 pp");
    expect(pointsText(-0.0583)).toBe("−5.8 pp");
    expect(liftText(0.625 / (5 / 60))).toBe("7.5×");
    expect(intervalText(0.141, 0.319)).toBe("[+14.1, +31.9]");
    expect(intervalText(-0.013, 0.064)).toBe("[−1.3, +6.4]");
    expect(intervalText(null, 0.1)).toBe("–");
    expect(directionHeading("lowers", "churned")).toBe("Lowers churn");
  });

  it("shows the aha curve in the URL, else the first with a best k", () => {
    const curve = (kind: AhaThreshold["kind"], subject: string, bestK: number | null): AhaThreshold => ({ kind, subject, curve: [], bestK, sentence: null });
    const thresholds = [curve("sessions", "", null), curve("event", "invite", 2), curve("feature", "export", 1)];
    expect(ahaId(thresholds[1]!)).toBe("event:invite");
    expect(chosenThreshold(thresholds, "feature:export")).toBe(thresholds[2]);
    expect(chosenThreshold(thresholds, undefined)).toBe(thresholds[1]);
    expect(chosenThreshold(thresholds, "event:gone")).toBe(thresholds[1]);
    expect(chosenThreshold([curve("sessions", "", null)], undefined)?.kind).toBe("sessions");
  });
});
