import { describe, expect, it } from "vitest";
import { buildConvertCurves, conversionWindowSentence, converterStats, type ConvertTallyRow } from "./time-to-convert-math";

/**
 * Days 0..3. (convert day c = ⌈days to convert⌉, observed o = ⌊days observed⌋):
 *   u1 group 0  c 0, o 3   (converted at the start instant)
 *   u2 group 0  c 2, o 3
 *   u3 group 0  never, o 1
 *   u4 group 1  c 4 (= days + 1: after the curve's last day), o 3
 *   u5 group 1  never, o 0 (signed up less than a day before as-of)
 * Day d: eligible = o ≥ d; converted = eligible with c ≤ d.
 *   group 0   d0 1/3  d1 1/3  d2 2/2  d3 2/2
 *   group 1   d0 0/2  d1 0/1  d2 0/1  d3 0/1
 *   Everyone  d0 1/5  d1 1/4  d2 2/3  d3 2/3
 */
const ROWS: readonly ConvertTallyRow[] = Object.freeze([
  { group: 0, convertDay: 0, observedDays: 3, users: 1 },
  { group: 0, convertDay: 2, observedDays: 3, users: 1 },
  { group: 0, convertDay: null, observedDays: 1, users: 1 },
  { group: 1, convertDay: 4, observedDays: 3, users: 1 },
  { group: 1, convertDay: null, observedDays: 0, users: 1 },
]);

const shape = (series: ReturnType<typeof buildConvertCurves>) =>
  series.map((curve) => [curve.name, curve.size, curve.points.map((point) => `${point.converted}/${point.eligible}`)]);

describe("buildConvertCurves", () => {
  const base = { rows: ROWS, groups: ["trial", "paid", "Everyone else"], days: 3, overallName: "Everyone", hideWhenEmpty: new Set(["Everyone else"]), stats: new Map() };

  it("accumulates conversions by day and right-censors users not observed for d days", () => {
    const series = buildConvertCurves(base);
    expect(shape(series)).toEqual([
      ["Everyone", 5, ["1/5", "1/4", "2/3", "2/3"]],
      ["trial", 3, ["1/3", "1/3", "2/2", "2/2"]],
      ["paid", 2, ["0/2", "0/1", "0/1", "0/1"]],
    ]);
    expect(series[0]!.points[2]!.percent).toBeCloseTo(200 / 3, 10);
    expect(series[0]!.converters).toBe(0); // no stats given
  });

  it("adds the groups' n up to the overall n", () => {
    const [overall, ...groups] = buildConvertCurves(base);
    overall!.points.forEach((point, d) => {
      expect(groups.reduce((sum, curve) => sum + curve.points[d]!.eligible, 0)).toBe(point.eligible);
      expect(groups.reduce((sum, curve) => sum + curve.points[d]!.converted, 0)).toBe(point.converted);
    });
  });

  it("has no rate where nobody was observed long enough (0/0)", () => {
    const [overall] = buildConvertCurves({ ...base, rows: [ROWS[4]!] });
    expect(overall!.points.map((point) => point.percent)).toEqual([0, null, null, null]);
  });

  it("rejects rows outside the grid", () => {
    expect(() => buildConvertCurves({ ...base, rows: [{ ...ROWS[0]!, observedDays: 4 }] })).toThrow(RangeError);
    expect(() => buildConvertCurves({ ...base, rows: [{ ...ROWS[0]!, convertDay: 5 }] })).toThrow(RangeError);
  });
});

describe("conversion window", () => {
  it("states the middle half of conversions from the quartiles", () => {
    // Quartiles 7.2 / 9.5 / 13.1 → the middle half lies within days ⌊7.2⌋ = 7 … ⌈13.1⌉ = 14.
    const stats = converterStats(120, { q1: 7.2, median: 9.5, q3: 13.1 });
    expect(stats).toEqual({ converters: 120, medianDays: 9.5, middleHalf: { from: 7, to: 14 } });
    expect(conversionWindowSentence(stats, "signup")).toBe("Half of conversions happen in days 7–14 after signup (median 9.5 days, 120 converters).");
  });

  it("says 'on day 0' when the middle half is one day, and nothing without converters", () => {
    expect(conversionWindowSentence(converterStats(1, { q1: 0, median: 0, q3: 0 }), "first seen")).toBe(
      "Half of conversions happen on day 0 after first seen (median 0.0 days, 1 converter).",
    );
    expect(conversionWindowSentence(converterStats(0, null), "signup")).toBeNull();
  });
});
