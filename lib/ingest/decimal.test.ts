import { describe, expect, it } from "vitest";
import { decimalFromJson, parseDecimal } from "./decimal";

describe("parseDecimal", () => {
  it.each<[string, number | null]>([
    ["12.5", 12.5],
    ["-3", -3],
    [" 7 ", 7],
    ["0", 0],
    ["0.00", 0],
    [".5", 0.5],
    ["1e3", 1000],
    ["$12.50", 12.5],
    ["€8", 8],
    ["-$4.25", -4.25],
    ["1,234.50", 1234.5],
    ["12,345,678", 12345678],
    ["", null],
    ["  ", null],
    ["abc", null],
    ["12,50", null],
    ["0x10", null],
    ["Infinity", null],
    ["NaN", null],
    ["1_000", null],
    ["12abc", null],
  ])("%j → %j", (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it("reads JSON values", () => {
    expect(decimalFromJson(3.5)).toBe(3.5);
    expect(decimalFromJson("3.5")).toBe(3.5);
    expect(decimalFromJson(true)).toBeNull();
    expect(decimalFromJson({})).toBeNull();
    expect(decimalFromJson(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
