import { describe, expect, it } from "vitest";
import { DEFAULT_LIFECYCLE } from "@/lib/definitions/lifecycle";
import { DEFAULT_RFM } from "@/lib/definitions/rfm";
import { listThresholds } from "./thresholds";

describe("industry conventions in segment threshold tooltips", () => {
  it("names the convention and its source where one applies, and nowhere else", () => {
    const rfm = listThresholds("rfm", DEFAULT_RFM);
    const cut = rfm.find((threshold) => threshold.key === "percentileCutPoints.0")!;
    expect(cut.description).toContain("Convention — 5 groups of 20% per dimension: the usual RFM scoring");
    expect(cut.description).toContain("Source: Ascent360 Help: Understanding RFM; Repeat Customer Insights");

    const lifecycle = listThresholds("lifecycle", DEFAULT_LIFECYCLE);
    expect(lifecycle.find((threshold) => threshold.key === "churnedAfterDays")!.description).toContain("90 days without a purchase");
    expect(lifecycle.find((threshold) => threshold.key === "dormantAfterDays")!.description).not.toContain("Convention");
  });
});
