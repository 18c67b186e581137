import { describe, expect, it } from "vitest";
import { DEFAULT_USAGE_TIERS, describeUsageTiersCriteria } from "../definitions/usage-tiers";
import { fromRows } from "./feature-store";
import { featureRow } from "./test-feature-rows";
import { scoreUsageTiers } from "./usage-tiers";

describe("scoreUsageTiers", () => {
  it("ranks active users by the metric: top 10% power, bottom 40% light", () => {
    /*
     * 11 active users with sessions30d 0, 1, …, 10: percent rank = value / 10.
     *   power: rank ≥ 0.9 → 9, 10;  light: rank < 0.4 → 0, 1, 2, 3;  average: 4 … 8
     * 2 users inactive for ≥ 30 days are ex-users whatever their metric.
     */
    const active = Array.from({ length: 11 }, (_, value) => featureRow(`s${value}`, { recencyDays: 3, sessions30d: value }));
    const inactive = [featureRow("x30", { recencyDays: 30, sessions30d: 50 }), featureRow("x45", { recencyDays: 45 })];
    const result = scoreUsageTiers(fromRows(Object.freeze([...active, ...inactive])), DEFAULT_USAGE_TIERS);
    const tiers = [...result.labels].map((label) => result.segments[label]);
    expect(tiers).toEqual([
      ...Array(4).fill("Light users"),
      ...Array(5).fill("Average users"),
      "Power users",
      "Power users",
      "Ex-users",
      "Ex-users",
    ]);
    expect(result.scores![9]).toBeCloseTo(0.9, 12);
    expect(result.scores![11]).toBeNaN();
  });

  it("lets ties share the lower rank", () => {
    // 1, 5, 5, 5 → ranks 1, 2, 2, 2 → percent ranks 0, 1/3, 1/3, 1/3: every 5 is below 0.4, so light
    const rows = [1, 5, 5, 5].map((value, i) => featureRow(`u${i}`, { recencyDays: 0, sessions30d: value }));
    const result = scoreUsageTiers(fromRows(rows), DEFAULT_USAGE_TIERS);
    expect([...result.labels].map((label) => result.segments[label])).toEqual(Array(4).fill("Light users"));
  });

  it("describes the tiers", () => {
    expect(describeUsageTiersCriteria(DEFAULT_USAGE_TIERS)).toEqual([
      { segment: "Power users", criteria: "top 10% of users active in the last 30 days by sessions (30 days)" },
      {
        segment: "Average users",
        criteria: "users active in the last 30 days between the bottom 40% and the top 10% by sessions (30 days)",
      },
      { segment: "Light users", criteria: "bottom 40% of users active in the last 30 days by sessions (30 days)" },
      { segment: "Ex-users", criteria: "no activity in the last 30 days" },
    ]);
  });
});
