import { describe, expect, it } from "vitest";
import { formatPercent, formatPValue, ordinal, zScoreWords } from "./cluster-format";

describe("zScoreWords", () => {
  it("puts the thresholds at 0.5 and 1.5 standard deviations, on either side", () => {
    expect(zScoreWords(0)).toBe("close to average");
    expect(zScoreWords(0.49)).toBe("close to average");
    expect(zScoreWords(-0.49)).toBe("close to average");
    expect(zScoreWords(0.5)).toBe("above average");
    expect(zScoreWords(-1.49)).toBe("below average");
    expect(zScoreWords(1.5)).toBe("far above average");
    expect(zScoreWords(-2.3)).toBe("far below average");
  });
});

describe("formats", () => {
  it("shows tiny p-values as a bound and rates as percentages", () => {
    expect(formatPValue(1.2e-9)).toBe("< 0.001");
    expect(formatPValue(0.0456)).toBe("0.046");
    expect(formatPercent(0.4567)).toBe("45.7%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("ordinal", () => {
  it("uses st/nd/rd except for the teens", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "111th"]);
  });
});
