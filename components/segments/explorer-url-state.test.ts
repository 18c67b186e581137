import { describe, expect, it } from "vitest";
import { parseExplorerState, serializeExplorerState } from "./explorer-url-state";

describe("explorer URL state", () => {
  it("reads every part of the view from the query string", () => {
    const state = parseExplorerState(
      new URLSearchParams("model=rfm&def=Default&v=3&percentileCutPoints.3=0.9&channel=ads&channel=&asOf=2026-06-30&compare=1&segment=Champions&page=2&sort=score&dir=asc"),
    );
    expect(state).toEqual({
      modelId: "rfm",
      definitionName: "Default",
      definitionVersion: 3,
      overrides: { "percentileCutPoints.3": "0.9" },
      playbook: {},
      filters: { channel: ["ads", null] },
      asOf: "2026-06-30",
      compare: true,
      segment: "Champions",
      members: { page: 2, pageSize: 25, sort: "score", dir: "asc" },
    });
  });

  it("falls back to defaults value by value", () => {
    const state = parseExplorerState(new URLSearchParams("model=nope&v=x&asOf=yesterday&page=0&pageSize=7&dir=up"));
    expect(state.modelId).toBe("behavior-rules");
    expect(state.definitionName).toBeUndefined();
    expect(state.definitionVersion).toBeNull();
    expect(state.asOf).toBeNull();
    expect(state.members).toEqual({ page: 1, pageSize: 25, sort: null, dir: null });
  });

  it("tells the built-in default (def=) from no choice (no def)", () => {
    expect(parseExplorerState(new URLSearchParams("def=")).definitionName).toBeNull();
    expect(parseExplorerState(new URLSearchParams("")).definitionName).toBeUndefined();
  });

  it("writes a state back to the same query string", () => {
    const query = "model=rfm&def=Default&v=3&percentileCutPoints.3=0.9&channel=ads&channel=&asOf=2026-06-30&compare=1&segment=Champions&page=2&sort=score&dir=asc";
    expect(serializeExplorerState(parseExplorerState(new URLSearchParams(query))).toString()).toBe(new URLSearchParams(query).toString());
    // Member paging only matters with a segment open.
    expect(serializeExplorerState(parseExplorerState(new URLSearchParams("page=3"))).toString()).toBe("");
  });
});
