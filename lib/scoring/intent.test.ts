import { describe, expect, it } from "vitest";
import { DEFAULT_INTENT, describeIntentCriteria, type IntentDefinition } from "../definitions/intent";
import { fromRows } from "./feature-store";
import { scoreIntent } from "./intent";
import { featureRow } from "./test-feature-rows";

/*
 * Default signals, each counted once: view_pricing +5, replay_demo +4, invite_teammate +6,
 * skip_onboarding −3, email_opened_no_click −1. Bands: high ≥ 10, medium ≥ 5.
 *   buyer     pricing ×3 (counts once) + invite          = 5 + 6         = 11 → High
 *   browser   pricing + demo + skipped onboarding          = 5 + 4 − 3     =  6 → Medium
 *   demo      demo                                         = 4             =  4 → Low
 *   cold      skipped onboarding + 7 unclicked emails      = −3 − 1        = −4 → Low
 */
const rows = Object.freeze([
  featureRow("buyer", { eventCounts: { view_pricing: 3, invite_teammate: 1 } }),
  featureRow("browser", { eventCounts: { view_pricing: 1, replay_demo: 1, skip_onboarding: 1 } }),
  featureRow("demo", { eventCounts: { replay_demo: 2 } }),
  featureRow("cold", { eventCounts: { skip_onboarding: 1, email_opened_no_click: 7 } }),
]);

describe("scoreIntent", () => {
  it("sums capped points and bands them", () => {
    const result = scoreIntent(fromRows(rows), DEFAULT_INTENT);
    expect([...result.scores!]).toEqual([11, 6, 4, -4]);
    expect([...result.labels].map((label) => result.segments[label])).toEqual(["High intent", "Medium intent", "Low intent", "Low intent"]);
    expect(result.warnings).toEqual([]);
  });

  it("counts every occurrence when a signal has no cap", () => {
    // pricing uncapped: buyer 3 × 5 + 6 = 21; cold −3 − 1 (email still capped at 1) = −4
    const uncapped: IntentDefinition = {
      ...DEFAULT_INTENT,
      signals: DEFAULT_INTENT.signals.map((signal) =>
        signal.event === "view_pricing" ? { event: signal.event, label: "Viewed pricing", points: 5 } : signal,
      ),
    };
    expect([...scoreIntent(fromRows(rows), uncapped).scores!]).toEqual([21, 6, 4, -4]);
  });

  it("warns about signals the dataset never recorded", () => {
    const result = scoreIntent(fromRows([featureRow("a", { eventCounts: { view_pricing: 1 } })]), DEFAULT_INTENT);
    expect([...result.scores!]).toEqual([5]);
    expect(result.warnings).toEqual([
      "No “replay_demo”, “invite_teammate”, “skip_onboarding”, “email_opened_no_click” events in this dataset's window: those signals add 0 points",
    ]);
  });

  it("describes the bands", () => {
    expect(describeIntentCriteria(DEFAULT_INTENT)).toEqual([
      {
        segment: "High intent",
        criteria:
          "intent score ≥ 10 (Viewed pricing +5, Replayed the demo +4, Invited a teammate +6, Skipped onboarding −3, Opened an email without clicking −1)",
      },
      { segment: "Medium intent", criteria: "intent score ≥ 5 and < 10" },
      { segment: "Low intent", criteria: "intent score < 5" },
    ]);
  });
});
