import { describe, expect, it } from "vitest";
import { IncrementalRefreshRefused, planRefresh, type RefreshFacts } from "./refresh-plan";

const asOf = new Date("2026-04-01T00:00:00Z");
const facts = (overrides: Partial<RefreshFacts>): RefreshFacts =>
  Object.freeze({ requested: "auto", asOf, previous: { asOf, lastJobId: 4 }, maxJobId: 6, ...overrides });

describe("planRefresh", () => {
  it("goes incremental from the previous watermark when only new jobs arrived at the same as-of", () => {
    expect(planRefresh(facts({}))).toEqual({ mode: "incremental", sinceJobId: 4, reason: "same as-of; events from jobs after #4" });
    expect(planRefresh(facts({ maxJobId: 4 }))).toMatchObject({ mode: "incremental", sinceJobId: 4, reason: "same as-of and no new events" });
  });

  it("falls back to full when incremental would be wrong", () => {
    expect(planRefresh(facts({ previous: null }))).toMatchObject({ mode: "full", reason: "the dataset has no previous feature refresh" });
    expect(planRefresh(facts({ asOf: new Date("2026-04-02T00:00:00Z") }))).toMatchObject({
      mode: "full",
      reason: "the as-of moved from 2026-04-01T00:00:00.000Z to 2026-04-02T00:00:00.000Z",
    });
    expect(planRefresh(facts({ maxJobId: 3 }))).toMatchObject({ mode: "full", reason: "events included in the previous refresh were removed" });
    expect(planRefresh(facts({ maxJobId: null }))).toMatchObject({ mode: "full" });
  });

  it("does what is asked when it is possible, and refuses an impossible incremental", () => {
    expect(planRefresh(facts({ requested: "full" }))).toMatchObject({ mode: "full", reason: "full refresh requested" });
    expect(planRefresh(facts({ requested: "incremental" }))).toMatchObject({ mode: "incremental" });
    expect(() => planRefresh(facts({ requested: "incremental", previous: null }))).toThrow(IncrementalRefreshRefused);
    expect(() => planRefresh(facts({ requested: "incremental", previous: null }))).toThrow(/no previous feature refresh\. Run a full refresh/);
  });
});
