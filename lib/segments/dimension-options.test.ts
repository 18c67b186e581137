import { describe, expect, it } from "vitest";
import { dimensionOptions } from "./dimension-options";

const column = (codes: number[], dictionary: string[]) => ({ codes: Int32Array.from(codes), dictionary });

describe("dimensionOptions", () => {
  it("counts users per value, users without one last, unused values dropped", () => {
    const options = dimensionOptions({
      dims: {
        // ads ×2, organic ×1, no value ×1; "social" is in the dictionary but nobody has it
        channel: column([0, 1, 0, -1], ["ads", "organic", "social"]),
        plan: column([-1, -1, -1, -1], []),
        country: column([0, 0, 0, 0], ["DE"]),
        signupMonth: column([1, 0, 1, 1], ["2026-03", "2026-04"]),
      },
    });
    expect(options).toEqual({
      channel: [
        { value: "ads", users: 2 },
        { value: "organic", users: 1 },
        { value: null, users: 1 },
      ],
      plan: [{ value: null, users: 4 }],
      country: [{ value: "DE", users: 4 }],
      signupMonth: [
        { value: "2026-03", users: 1 },
        { value: "2026-04", users: 3 },
      ],
    });
  });
});
