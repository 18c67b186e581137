import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("picks the unit by size, one decimal under 10", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(90)).toBe("1.5 min"); // 90 / 60
    expect(formatDuration(5400)).toBe("1.5 h"); // 5400 / 3600
    expect(formatDuration(82_800)).toBe("23 h");
    expect(formatDuration(518_400)).toBe("6 d");
    expect(formatDuration(1_296_000)).toBe("15 d");
    expect(formatDuration(null)).toBe("—");
  });
});
