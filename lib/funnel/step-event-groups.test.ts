import { describe, expect, it } from "vitest";
import { UserStepEvents } from "./funnel-math";
import { groupStepEvents, readGroupedStepEvents } from "./step-event-groups";

describe("groupStepEvents", () => {
  it("groups rows by user in first-appearance order and drops users who never did step 1", () => {
    const groups = groupStepEvents([
      { user_id: "b", t: 30, mask: 2 },
      { user_id: "a", t: 10, mask: 1 },
      { user_id: "c", t: 5, mask: 4 }, // no step 1: not in the funnel
      { user_id: "b", t: 20, mask: 1 },
      { user_id: "a", t: 15, mask: 6 },
      { user_id: "c", t: 6, mask: 2 },
    ]);
    expect(groups.userIds).toEqual(["b", "a"]);
    expect(Array.from(groups.start)).toEqual([0, 2, 4]);
    expect(Array.from(groups.times)).toEqual([30, 20, 10, 15]);
    expect(Array.from(groups.masks)).toEqual([2, 1, 1, 6]);
  });

  it("reads one user's events in time order, same-time events by their lowest step", () => {
    const groups = groupStepEvents([
      { user_id: "u", t: 50, mask: 4 },
      { user_id: "u", t: 10, mask: 2 },
      { user_id: "u", t: 10, mask: 1 },
    ]);
    const events = new UserStepEvents();
    readGroupedStepEvents(groups, 0, events);
    expect(events.count).toBe(3);
    expect(Array.from(events.masks.subarray(0, 3))).toEqual([1, 2, 4]);
    expect(Array.from(events.times.subarray(0, 3))).toEqual([10, 10, 50]);
  });

  it("is empty without rows", () => {
    expect(groupStepEvents([])).toEqual({ userIds: [], start: new Int32Array(1), times: new Float64Array(0), masks: new Int32Array(0) });
  });
});
