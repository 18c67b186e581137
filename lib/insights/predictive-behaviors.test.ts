import { describe, expect, it } from "vitest";
import type { BehaviorCountRow } from "./behavior-counts";
import { predictiveBehaviors } from "./predictive-behaviors";

function row(kind: BehaviorCountRow["kind"], name: string, bucket: number, users: number, retained: number, converted = 0): BehaviorCountRow {
  return { kind, name, bucket, users, retained, converted, churned: users - retained };
}

// 200 eligible users, 50 retained (25%).
// invite: 40 users did it once, 24 of them retained.
// upgrade: 30 users, 3 retained, 30 converted (the conversion event).
// sessions: 1 → 100 users (10 retained), 2 → 100 users (40 retained).
// channel: social 80 users (8 retained), organic 120 (42 retained). Converted counts add up to 30 in every breakdown.
const rows = Object.freeze([
  row("all", "", 0, 200, 50, 30),
  row("event", "invite", 1, 40, 24),
  row("event", "upgrade", 1, 30, 3, 30),
  row("sessions", "", 1, 100, 10, 5),
  row("sessions", "", 2, 100, 40, 25),
  row("channel", "social", 0, 80, 8, 10),
  row("channel", "organic", 0, 120, 42, 20),
  row("plan", "free", 0, 200, 50, 30),
]);

describe("predictiveBehaviors", () => {
  const result = predictiveBehaviors({ rows, outcome: "retained", days: 7, window: 28, coreFeatures: [], excludedEvents: [] });

  it("ranks behaviors that raise the outcome by |difference| × √(coverage(1 − coverage))", () => {
    // sessions ≥ 2: 40/100 vs 10/100: difference 0.3, coverage 0.5 → score 0.3 × 0.5 = 0.15
    // organic: 42/120 = 0.35 vs 8/80 = 0.1: difference 0.25, coverage 0.6 → 0.25 × √0.24 = 0.12247
    // invite: 24/40 = 0.6 vs 26/160 = 0.1625: difference 0.4375, coverage 0.2 → 0.4375 × 0.4 = 0.175
    expect(result.raises.map((insight) => insight.id)).toEqual(["event:invite:1", "sessions::2", "channel:organic"]);
    const invite = result.raises[0]!;
    expect(invite.score).toBeCloseTo(0.175, 12);
    expect(invite.lift).toBeCloseTo(0.6 / 0.1625, 12);
    expect(invite.coverage).toBeCloseTo(0.2, 12);
    expect(invite.sentence).toBe(
      "Users who did invite in their first 7 days were retained at Day 28 3.7× as often (60% vs 16.3%, n = 40 vs 160) — correlation, not causation.",
    );
    expect(invite.differenceLower).toBeLessThan(0.4375);
    expect(invite.differenceUpper).toBeGreaterThan(0.4375);
  });

  it("lists behaviors that lower the outcome separately, and leaves out what everyone has", () => {
    // social: 0.1 vs 0.35 → lowers; upgrade: 3/30 = 0.1 vs 47/170 = 0.2765 → lowers; plan free = everyone → left out.
    expect(result.lowers.map((insight) => insight.id)).toEqual(["channel:social", "event:upgrade:1"]);
    expect(result.lowers[0]!.sentence).toBe(
      "Users who came from the social channel were retained at Day 28 less often (10% vs 35%, n = 80 vs 120) — correlation, not causation.",
    );
    expect([...result.raises, ...result.lowers].some((insight) => insight.kind === "plan")).toBe(false);
  });

  it("leaves out events that define the outcome and names core features as features", () => {
    const converted = predictiveBehaviors({ rows, outcome: "converted", days: 7, window: 28, coreFeatures: ["invite"], excludedEvents: ["upgrade"] });
    const ids = [...converted.raises, ...converted.lowers].map((insight) => insight.id);
    expect(ids.some((id) => id.includes("upgrade"))).toBe(false);
    expect(converted.thresholds.map((threshold) => `${threshold.kind}:${threshold.subject}`)).toEqual(["sessions:", "feature:invite"]);
  });

  it("ranks flagged small samples last", () => {
    const small = predictiveBehaviors({
      rows: [row("all", "", 0, 200, 50), row("event", "rare", 1, 10, 10), row("event", "common", 1, 100, 30)],
      outcome: "retained",
      days: 7,
      window: 28,
      coreFeatures: [],
      excludedEvents: [],
    });
    // rare: 10/10 vs 40/190: score 0.789 × √(0.05·0.95) = 0.172 > common: 0.3 vs 0.2 → 0.05; but rare has 10 users: flagged.
    expect(small.raises.map((insight) => [insight.id, insight.smallSample])).toEqual([
      ["event:common:1", false],
      ["event:rare:1", true],
    ]);
    expect(small.raises[1]!.sentence).toMatch(/Small sample: treat as a hint\.$/);
  });
});
