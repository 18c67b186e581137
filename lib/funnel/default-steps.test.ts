import { describe, expect, it } from "vitest";
import { defaultFunnelSteps } from "./default-steps";

const NAMES = Object.freeze(["page_view", "run_query", "signup", "onboarding_completed", "upgrade"]);

describe("defaultFunnelSteps", () => {
  it("uses the configured signup, activation and conversion events", () => {
    const settings = { signupEvent: "signup", activationEvent: "onboarding_completed", conversionEvent: "upgrade" };
    expect(defaultFunnelSteps(settings, NAMES)).toEqual([{ event: "signup" }, { event: "onboarding_completed" }, { event: "upgrade" }]);
  });

  it("skips configured events that never occur, and falls back to the 3 most frequent names below 2 steps", () => {
    expect(defaultFunnelSteps({ signupEvent: "signup", activationEvent: "activated", conversionEvent: "upgrade" }, NAMES)).toEqual([
      { event: "signup" },
      { event: "upgrade" },
    ]);
    expect(defaultFunnelSteps({ signupEvent: "signup", activationEvent: null, conversionEvent: null }, NAMES)).toEqual([
      { event: "page_view" },
      { event: "run_query" },
      { event: "signup" },
    ]);
    expect(defaultFunnelSteps({ signupEvent: null, activationEvent: null, conversionEvent: null }, [])).toEqual([]);
  });
});
