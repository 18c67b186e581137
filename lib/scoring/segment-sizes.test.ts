import { describe, expect, it } from "vitest";
import { segmentSizes } from "./segment-sizes";

describe("segmentSizes", () => {
  const segmentation = Object.freeze({ labels: Uint16Array.of(0, 1, 1, 0, 1, 2), segments: ["A", "B", "C", "D"] });

  it("counts every segment, empty ones included, with shares of all users", () => {
    // A: users 0, 3 → 2 of 6; B: 1, 2, 4 → 3 of 6; C: 5 → 1 of 6; D: none
    expect(segmentSizes(segmentation)).toEqual({
      filteredUsers: 6,
      segments: [
        { segment: "A", index: 0, users: 2, share: 2 / 6 },
        { segment: "B", index: 1, users: 3, share: 3 / 6 },
        { segment: "C", index: 2, users: 1, share: 1 / 6 },
        { segment: "D", index: 3, users: 0, share: 0 },
      ],
    });
  });

  it("counts only the filtered users and shares of them", () => {
    // filter keeps users 0, 1, 2 → A 1, B 2 of 3
    const sizes = segmentSizes(segmentation, Uint8Array.of(1, 1, 1, 0, 0, 0));
    expect(sizes.filteredUsers).toBe(3);
    expect(sizes.segments.map((s) => [s.users, s.share])).toEqual([
      [1, 1 / 3],
      [2, 2 / 3],
      [0, 0],
      [0, 0],
    ]);
  });

  it("gives shares of 0 when the filter selects nobody (0/0 policy)", () => {
    const sizes = segmentSizes(segmentation, new Uint8Array(6));
    expect(sizes.filteredUsers).toBe(0);
    expect(sizes.segments.every((s) => s.users === 0 && s.share === 0)).toBe(true);
  });

  it("refuses a mask of another length", () => {
    expect(() => segmentSizes(segmentation, new Uint8Array(5))).toThrow("The filter mask has 5 entries for 6 users");
  });
});
