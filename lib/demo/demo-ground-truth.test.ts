import { describe, expect, it } from "vitest";
import { DEMO_SEED, DEMO_START } from "./demo-dataset";
import { generateDemoEvents } from "./demo-events";
import { measurePlantedEffects } from "./demo-ground-truth";

// 5,000 users: the scale the planted effects are promised to survive.
const period = { start: DEMO_START, days: 180 };
const effects = measurePlantedEffects(generateDemoEvents({ seed: DEMO_SEED, users: 5000, ...period }), period);

describe("planted effects are recoverable from 5,000 demo users", () => {
  it("(1) early inviters are retained at week 8 at ≥ 1.7× the rate of everyone else", () => {
    expect(effects.retentionWeek8.earlyInviters.users).toBeGreaterThan(300);
    expect(effects.retentionWeek8.ratio).toBeGreaterThanOrEqual(1.7);
  });

  it("(2) social brings ≥ 2× the share of one-and-done users of the other channels", () => {
    expect(effects.oneAndDone.social.rate).toBeGreaterThan(0.4);
    expect(effects.oneAndDone.ratio).toBeGreaterThanOrEqual(2);
    for (const [channel, share] of Object.entries(effects.oneAndDone.byChannel)) {
      if (channel !== "social") expect(share.rate).toBeLessThan(effects.oneAndDone.social.rate / 2);
    }
  });

  it("(3) heavy feature_x users never upgrade while others do", () => {
    expect(effects.featureX.enthusiasts.users).toBeGreaterThan(100);
    expect(effects.featureX.enthusiasts.hits).toBe(0);
    expect(effects.featureX.others.rate).toBeGreaterThan(0.04);
  });

  it("(4) ≥ 2 pricing views in the first 14 days: ≈ 3× the upgrade rate", () => {
    expect(effects.pricing.engaged.users).toBeGreaterThan(200);
    expect(effects.pricing.ratio).toBeGreaterThan(2.2);
    expect(effects.pricing.ratio).toBeLessThan(4.5);
  });

  it("(5) a power-user group: > 5 sessions/week and ≥ 3 core features, nearly all retained", () => {
    expect(effects.power.share).toBeGreaterThan(0.01);
    expect(effects.power.share).toBeLessThan(0.04);
    expect(effects.power.retainedWeek8.rate).toBeGreaterThan(0.8);
  });

  it("keeps the volume near 20 events per user", () => {
    expect(effects.users).toBe(5000);
    expect(effects.eventsPerUser).toBeGreaterThan(18);
    expect(effects.eventsPerUser).toBeLessThan(23);
  });
});
