import { describe, expect, it } from "vitest";
import { DEFAULT_PQL, describePqlCriteria } from "../definitions/pql";
import { fromRows } from "./feature-store";
import { scorePql } from "./pql";
import { featureRow } from "./test-feature-rows";

/*
 * Default points: core ≥ 3 → 30, invite_teammate ≥ 1 → 25, ≥ 3 sessions/week → 20,
 * view_pricing ≥ 1 → 15, ≥ 8 active days of 30 → 10; qualify at ≥ 80.
 *   all      30 + 25 + 20 + 15 + 10 = 100 → qualified
 *   no-price 30 + 25 + 20 + 10      =  85 → qualified
 *   no-invite 30 + 20 + 15 + 10     =  75 → not
 *   exactly  30 + 25 + 15 + 10      =  80 → qualified (≥ 80)
 *   nothing                             0 → not
 */
const full = { coreFeaturesUsed: 3, sessionsPerWeek: 3, activeDays30d: 8 };
const rows = Object.freeze([
  featureRow("all", { ...full, eventCounts: { invite_teammate: 2, view_pricing: 1 } }),
  featureRow("no-price", { ...full, eventCounts: { invite_teammate: 1 } }),
  featureRow("no-invite", { ...full, eventCounts: { view_pricing: 4 } }),
  featureRow("exactly", { ...full, sessionsPerWeek: 2.9, eventCounts: { invite_teammate: 1, view_pricing: 1 } }),
  featureRow("nothing"),
]);

describe("scorePql", () => {
  it("points mode: sums points and qualifies at the threshold", () => {
    const result = scorePql(fromRows(rows), DEFAULT_PQL);
    expect([...result.scores!]).toEqual([100, 85, 75, 80, 0]);
    expect([...result.labels].map((label) => result.segments[label])).toEqual([
      "Product-qualified",
      "Product-qualified",
      "Not qualified",
      "Product-qualified",
      "Not qualified",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("all mode: qualified only when every criterion holds; scores count the criteria met", () => {
    const result = scorePql(fromRows(rows), { ...DEFAULT_PQL, mode: "all" });
    expect([...result.scores!]).toEqual([5, 4, 4, 4, 0]);
    expect([...result.labels]).toEqual([0, 1, 1, 1, 1]);
  });

  it("counts an event the dataset never recorded as 0, with a warning", () => {
    const result = scorePql(fromRows([featureRow("a", full)]), DEFAULT_PQL);
    expect([...result.scores!]).toEqual([60]);
    expect(result.warnings).toEqual([
      "No “invite_teammate” events in this dataset's window: criterion 2 (Invited a teammate) is checked against a count of 0 for everyone",
      "No “view_pricing” events in this dataset's window: criterion 4 (Viewed pricing) is checked against a count of 0 for everyone",
    ]);
  });

  it("describes both modes", () => {
    expect(describePqlCriteria(DEFAULT_PQL)).toEqual([
      {
        segment: "Product-qualified",
        criteria:
          "≥ 80 points (Uses ≥ 3 core features +30, Invited a teammate +25, ≥ 3 sessions a week +20, Viewed pricing +15, Active ≥ 8 of the last 30 days +10)",
      },
      { segment: "Not qualified", criteria: "< 80 points" },
    ]);
    expect(describePqlCriteria({ ...DEFAULT_PQL, mode: "all" })[0]!.criteria).toBe(
      "all of: Uses ≥ 3 core features; Invited a teammate; ≥ 3 sessions a week; Viewed pricing; Active ≥ 8 of the last 30 days",
    );
  });
});
