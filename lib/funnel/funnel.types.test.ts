import { describe, expect, it } from "vitest";
import { funnelSearchParams, parseFunnelSearchParams, parseStepText, windowMs } from "./funnel.types";

describe("funnel query string", () => {
  it("reads comma-separated and repeated steps, property filters, window, order and breakdown", () => {
    const query = parseFunnelSearchParams(new URLSearchParams("steps=signup, onboarding&step=upgrade[to_plan=team, annual]&window=12h&order=strict&breakdown=segment:Lifecycle@2"));
    expect(query).toEqual({
      steps: [{ event: "signup" }, { event: "onboarding" }, { event: "upgrade", filter: { property: "to_plan", equals: "team, annual" } }],
      window: { amount: 12, unit: "hours" },
      order: "strict",
      breakdown: "segment:Lifecycle@2",
    });
    expect(windowMs(query.window)).toBe(12 * 3_600_000);
    // Round trip through the UI's API URL.
    expect(parseFunnelSearchParams(funnelSearchParams(query))).toEqual(query);
  });

  it("defaults to a 7-day window, any order and no breakdown", () => {
    expect(parseFunnelSearchParams(new URLSearchParams("steps=a,b"))).toMatchObject({ window: { amount: 7, unit: "days" }, order: "any", breakdown: "none" });
  });

  it("rejects fewer than 2 steps, a bad window and an unknown breakdown", () => {
    expect(() => parseFunnelSearchParams(new URLSearchParams("steps=a"))).toThrow(/at least 2 steps/);
    expect(() => parseFunnelSearchParams(new URLSearchParams("steps=a,b&window=7w"))).toThrow(/a number and a unit letter/);
    expect(() => parseFunnelSearchParams(new URLSearchParams("steps=a,b&breakdown=browser"))).toThrow(/cohort:week/);
    expect(parseStepText("page[x=1]")).toEqual({ event: "page", filter: { property: "x", equals: "1" } });
  });
});
