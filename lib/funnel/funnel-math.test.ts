import { describe, expect, it } from "vitest";
import { FunnelMatcher, FunnelTally, funnelStepResults, median, UserStepEvents } from "./funnel-math";
import type { FunnelOrder } from "./funnel.types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.parse("2026-03-02T10:00:00Z");
const STEPS = Object.freeze(["signup", "onboarding", "upgrade"]);

/**
 * A user's whole event stream → the matcher's input, the way FUNNEL_EVENTS_SQL builds it:
 * events ordered by (time, mask) with non-step events (mask 0) first at a tie, numbered
 * 1, 2, … over all events, then only step events kept.
 */
function userEvents(stream: readonly (readonly [string, number])[], steps: readonly string[]): UserStepEvents {
  const numbered = stream
    .map(([name, time]) => ({ time, mask: steps.reduce((mask, step, index) => (step === name ? mask | (1 << index) : mask), 0) }))
    .sort((a, b) => a.time - b.time || a.mask - b.mask)
    .map((event, index) => ({ ...event, seq: index + 1 }));
  const events = new UserStepEvents();
  for (const event of numbered) if (event.mask !== 0) events.push(event.mask, event.time, event.seq);
  return events;
}

function match(stream: readonly (readonly [string, number])[], options: { steps?: readonly string[]; windowMs?: number; order?: FunnelOrder } = {}) {
  const steps = options.steps ?? STEPS;
  const matcher = new FunnelMatcher(steps.length, options.windowMs ?? 7 * DAY, options.order ?? "any");
  const times = new Float64Array(steps.length);
  const reached = matcher.match(userEvents(stream, steps), times);
  return { reached, times: Array.from(times.subarray(0, reached)) };
}

describe("funnel attempt matching", () => {
  it("counts repeated steps once, at the furthest step", () => {
    // signup twice, onboarding twice, one upgrade: one user at step 3. Counted attempt = the first
    // signup (T): onboarding T+1h (earliest), upgrade T+3h.
    const result = match([
      ["signup", T],
      ["signup", T + 30 * 60_000],
      ["onboarding", T + HOUR],
      ["onboarding", T + 2 * HOUR],
      ["upgrade", T + 3 * HOUR],
    ]);
    expect(result).toEqual({ reached: 3, times: [T, T + HOUR, T + 3 * HOUR] });
  });

  it("ignores steps done out of order (before the previous step)", () => {
    // upgrade, then onboarding, then signup: only signup counts; nothing follows it.
    expect(match([["upgrade", T], ["onboarding", T + HOUR], ["signup", T + 2 * HOUR]]).reached).toBe(1);
    // signup, upgrade, onboarding: onboarding at T+2h is step 2; the upgrade came before it → 2.
    expect(match([["signup", T], ["upgrade", T + HOUR], ["onboarding", T + 2 * HOUR]]).reached).toBe(2);
  });

  it("includes a step exactly at the window limit and excludes one a millisecond later", () => {
    // Window 7 days from step 1 (T): upgrade at T+7d counts, at T+7d+1ms it does not.
    expect(match([["signup", T], ["onboarding", T + DAY], ["upgrade", T + 7 * DAY]]).reached).toBe(3);
    expect(match([["signup", T], ["onboarding", T + DAY], ["upgrade", T + 7 * DAY + 1]]).reached).toBe(2);
    // The window runs from step 1, not from the previous step: onboarding at T+6d, upgrade at T+8d → 2.
    expect(match([["signup", T], ["onboarding", T + 6 * DAY], ["upgrade", T + 8 * DAY]]).reached).toBe(2);
  });

  it("counts a next step at the same timestamp as the previous one", () => {
    // onboarding listed before signup, same millisecond: still step 2, 0 s later; upgrade 1 h later.
    expect(match([["onboarding", T], ["signup", T], ["upgrade", T + HOUR]])).toEqual({ reached: 3, times: [T, T, T + HOUR] });
  });

  it("does not count steps done before signup", () => {
    // onboarding and upgrade before the signup, nothing after it: step 1 only.
    expect(match([["onboarding", T - DAY], ["upgrade", T - HOUR], ["signup", T]]).reached).toBe(1);
  });

  it("counts a user at a later attempt that gets further, with that attempt's times", () => {
    // Attempt 1 (T): onboarding T+1d, no upgrade within 7 days (upgrade at T+30d+2h is too late).
    // Attempt 2 (signup T+30d): onboarding +1h, upgrade +2h → step 3; gaps 1 h and 1 h, not 1 d.
    const second = T + 30 * DAY;
    const result = match([
      ["signup", T],
      ["onboarding", T + DAY],
      ["signup", second],
      ["onboarding", second + HOUR],
      ["upgrade", second + 2 * HOUR],
    ]);
    expect(result).toEqual({ reached: 3, times: [second, second + HOUR, second + 2 * HOUR] });
  });

  it("keeps the earliest attempt among those reaching the same step", () => {
    // Both attempts reach step 2: the first (gap 2 h) is the counted one, not the second (gap 1 h).
    const result = match([["signup", T], ["onboarding", T + 2 * HOUR], ["signup", T + 10 * DAY], ["onboarding", T + 10 * DAY + HOUR]]);
    expect(result).toEqual({ reached: 2, times: [T, T + 2 * HOUR] });
  });

  it("needs a separate event for each repeated step", () => {
    // Steps page_view → page_view: one page view is step 1 only; a second one (same second) makes 2.
    const steps = ["page_view", "page_view"];
    expect(match([["page_view", T]], { steps }).reached).toBe(1);
    expect(match([["page_view", T], ["page_view", T]], { steps }).reached).toBe(2);
  });

  it("strict order breaks on any event in between, any order does not", () => {
    // signup, page_view, onboarding, upgrade: any → 3; strict → 1 (page_view follows signup).
    const stream = [["signup", T], ["page_view", T + 60_000], ["onboarding", T + 120_000], ["upgrade", T + 180_000]] as const;
    expect(match(stream).reached).toBe(3);
    expect(match(stream, { order: "strict" }).reached).toBe(1);
    // A repeated signup in between also breaks strict order, but the second signup opens its own
    // attempt: signup, signup, onboarding, upgrade → strict 3 from the second signup.
    const repeated = [["signup", T], ["signup", T + 60_000], ["onboarding", T + 120_000], ["upgrade", T + 180_000]] as const;
    expect(match(repeated, { order: "strict" })).toEqual({ reached: 3, times: [T + 60_000, T + 120_000, T + 180_000] });
    // signup, onboarding, page_view, upgrade: strict stops at 2.
    expect(match([["signup", T], ["onboarding", T + 1], ["page_view", T + 2], ["upgrade", T + 3]], { order: "strict" }).reached).toBe(2);
    // Strict order still honours the window: the very next event 8 days later is too late.
    expect(match([["signup", T], ["onboarding", T + 8 * DAY]], { order: "strict" }).reached).toBe(1);
  });

  it("gives 0 to a user who never did step 1", () => {
    expect(match([["onboarding", T], ["upgrade", T + HOUR]]).reached).toBe(0);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median(Float64Array.from([600, 60, 120]))).toBe(120);
    expect(median(Float64Array.from([60, 600, 120, 30]))).toBe(90); // (60 + 120) / 2
    expect(median(new Float64Array(0))).toBeNull();
  });
});

describe("funnel tallies", () => {
  it("turns furthest steps into users, percentages, drop-offs and medians per step", () => {
    // 5 users: furthest steps 1, 1, 2, 2, 3 → users 5, 3, 1.
    // % of first: 100, 60, 20; % of previous: —, 60, 33.3; drop-off: —, 2, 2.
    // Step 2 gaps (seconds): 60, 120, 600 → median 120; step 3 gap: 3600 → 3600.
    const tally = new FunnelTally(3, 1);
    const add = (reached: number, times: number[]) => tally.add(0, reached, Float64Array.from(times));
    add(1, [T]);
    add(1, [T]);
    add(2, [T, T + 60_000]);
    add(2, [T, T + 120_000]);
    add(3, [T, T + 600_000, T + 600_000 + HOUR]);
    const steps = funnelStepResults(tally.counts(0), ["signup", "onboarding", "upgrade"]);
    expect(steps.map((step) => step.users)).toEqual([5, 3, 1]);
    expect(steps.map((step) => step.percentOfFirst)).toEqual([100, 60, 20]);
    expect(steps[1]!.percentOfPrevious).toBe(60);
    expect(steps[2]!.percentOfPrevious).toBeCloseTo(100 / 3, 10);
    expect(steps.map((step) => step.dropOffFromPrevious)).toEqual([null, 2, 2]);
    expect(steps.map((step) => step.medianSecondsFromPrevious)).toEqual([null, 120, 3600]);
  });

  it("has no rates when nobody did step 1 (0/0)", () => {
    const steps = funnelStepResults(new FunnelTally(2, 1).counts(0), ["signup", "upgrade"]);
    expect(steps).toEqual([
      { step: 1, label: "signup", users: 0, percentOfFirst: null, percentOfPrevious: null, dropOffFromPrevious: null, medianSecondsFromPrevious: null },
      { step: 2, label: "upgrade", users: 0, percentOfFirst: null, percentOfPrevious: null, dropOffFromPrevious: 0, medianSecondsFromPrevious: null },
    ]);
  });
});
