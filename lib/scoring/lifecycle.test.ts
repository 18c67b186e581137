import { describe, expect, it } from "vitest";
import { DEFAULT_LIFECYCLE, LIFECYCLE_STAGES, describeLifecycleCriteria } from "../definitions/lifecycle";
import { DAY_MS, fromRows } from "./feature-store";
import { scoreLifecycle } from "./lifecycle";
import { featureRow, firstSeenDaysAgo } from "./test-feature-rows";

const signup = firstSeenDaysAgo(40);

/*
 * Default parameters: new < 7 days, activated within 7 days of signup, engaged ≥ 6 of 12 weeks,
 * at risk ≥ 14 quiet days or activity < 0.5× baseline, dormant ≥ 30, churned ≥ 60 or cancelled,
 * resurrected after a ≥ 30-day gap. Check order: Churned, Dormant, Resurrected, At risk, Engaged,
 * Activated, New, Not activated.
 */
const rows = Object.freeze([
  featureRow("cancelled", { cancelled: 1, weeksActive12: 10 }), // Churned beats Engaged
  featureRow("gone", { recencyDays: 75 }), // Churned (≥ 60)
  featureRow("quiet", { recencyDays: 35 }), // Dormant
  featureRow("back", { recencyDays: 1, returnGapDays30d: 45, weeksActive12: 2 }), // Resurrected
  featureRow("short-gap", { recencyDays: 1, returnGapDays30d: 10, weeksActive12: 7 }), // Engaged (gap < 30)
  featureRow("slipping", { recencyDays: 16, weeksActive12: 8 }), // At risk beats Engaged
  featureRow("declining", { recencyDays: 2, activity30dVsBaseline: 0.3, weeksActive12: 8 }), // At risk
  featureRow("regular", { recencyDays: 2, activity30dVsBaseline: 1.1, weeksActive12: 6 }), // Engaged (exactly K)
  featureRow("activated", { signupAt: signup, firstSeen: signup, activatedAt: signup + 3 * DAY_MS, weeksActive12: 3 }), // Activated
  featureRow("late-activation", { signupAt: signup, firstSeen: signup, activatedAt: signup + 9 * DAY_MS, weeksActive12: 3 }), // Not activated
  featureRow("newbie", { firstSeen: firstSeenDaysAgo(2), weeksActive12: 1 }), // New
  featureRow("new-activated", { firstSeen: firstSeenDaysAgo(2), activatedAt: firstSeenDaysAgo(2) + DAY_MS / 4 }), // Activated
  featureRow("never", { firstSeen: firstSeenDaysAgo(20), weeksActive12: 2 }), // Not activated
]);

describe("scoreLifecycle", () => {
  it("puts each user in the first stage that applies", () => {
    const result = scoreLifecycle(fromRows(rows), DEFAULT_LIFECYCLE);
    expect(result.segments).toEqual([...LIFECYCLE_STAGES]);
    expect([...result.labels].map((label) => result.segments[label])).toEqual([
      "Churned",
      "Churned",
      "Dormant",
      "Resurrected",
      "Engaged",
      "At risk",
      "At risk",
      "Engaged",
      "Activated",
      "Not activated",
      "New",
      "Activated",
      "Not activated",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("says which stages the data cannot support", () => {
    const result = scoreLifecycle(fromRows([featureRow("a", { recencyDays: 1, activity30dVsBaseline: 1 })]), DEFAULT_LIFECYCLE);
    expect(result.warnings).toEqual([
      'Return gap (days) (returnGapDays30d) has no values in this dataset, so its conditions in rule 3 "Resurrected" match no one',
      'Days to activate (daysToActivate) has no values in this dataset, so its conditions in rule 6 "Activated" match no one',
    ]);
  });

  it("can leave cancellations out of churn", () => {
    const result = scoreLifecycle(fromRows([rows[0]!]), { ...DEFAULT_LIFECYCLE, cancelledCountsAsChurned: false });
    expect(result.segments[result.labels[0]!]).toBe("Engaged");
  });

  it("describes the stages", () => {
    expect(describeLifecycleCriteria(DEFAULT_LIFECYCLE)).toEqual([
      { segment: "Churned", criteria: "cancelled or recency ≥ 60 days" },
      { segment: "Dormant", criteria: "recency ≥ 30 days" },
      { segment: "Resurrected", criteria: "came back after a gap of ≥ 30 days" },
      { segment: "At risk", criteria: "recency ≥ 14 days or last-30-day activity vs baseline < 0.5×" },
      { segment: "Engaged", criteria: "≥ 6 active weeks of the last 12" },
      { segment: "Activated", criteria: "time to activate ≤ 7 days" },
      { segment: "New", criteria: "first seen < 7 days ago (not yet activated)" },
      {
        segment: "Not activated",
        criteria: "everyone else: first seen ≥ 7 days ago, did not activate within 7 days of signup, not engaged",
      },
    ]);
  });
});
