import { describe, expect, it } from "vitest";
import { buildRetentionCurves, type CurveTallyRow } from "./retention-curves-math";

/**
 * Four users, weekly periods 0..2 (maxPeriod 2):
 *   A  group 0 "ads"      active in periods 0, 1, 2   last elapsed period 2
 *   B  group 0 "ads"      active in period 0          last elapsed period 1
 *   C  group 1 "organic"  active in periods 0, 2      last elapsed period 2
 *   D  group 1 "organic"  active in period 0          period 0 still under way (elapsed −1)
 * Eligible at N = users with elapsed ≥ N:
 *   ads      N0 {A,B} 2/2   N1 {A,B} active A → 1/2   N2 {A} 1/1
 *   organic  N0 {C}   1/1   N1 {C} → 0/1              N2 {C} 1/1     (D never eligible, but counted in size)
 *   Everyone N0 3/3         N1 1/3                    N2 2/2
 * Unbounded (last active period ≥ N): ads N1 A → 1/2; organic N1 C (last 2) → 1/1; Everyone N1 2/3.
 */
const ROWS: readonly CurveTallyRow[] = Object.freeze([
  // active rows (user → period, elapsed)
  { group: 0, period: 0, elapsed: 2, activeUsers: 1, lastActiveUsers: 0 }, // A
  { group: 0, period: 1, elapsed: 2, activeUsers: 1, lastActiveUsers: 0 }, // A
  { group: 0, period: 2, elapsed: 2, activeUsers: 1, lastActiveUsers: 1 }, // A (last active 2)
  { group: 0, period: 0, elapsed: 1, activeUsers: 1, lastActiveUsers: 1 }, // B
  { group: 1, period: 0, elapsed: 2, activeUsers: 1, lastActiveUsers: 0 }, // C
  { group: 1, period: 2, elapsed: 2, activeUsers: 1, lastActiveUsers: 1 }, // C
  { group: 1, period: 0, elapsed: -1, activeUsers: 1, lastActiveUsers: 1 }, // D
]);

const shape = (series: ReturnType<typeof buildRetentionCurves>) =>
  series.map((curve) => [curve.name, curve.size, curve.points.map((point) => `${point.users}/${point.eligible}`)]);

describe("buildRetentionCurves", () => {
  const base = { rows: ROWS, groups: ["ads", "organic", "Everyone else"], maxPeriod: 2, overallName: "Everyone", hideWhenEmpty: new Set(["Everyone else"]) };

  it("counts only users whose period N has ended, per group and overall", () => {
    const series = buildRetentionCurves({ ...base, mode: "n-period" });
    expect(shape(series)).toEqual([
      ["Everyone", 4, ["3/3", "1/3", "2/2"]],
      ["ads", 2, ["2/2", "1/2", "1/1"]],
      ["organic", 2, ["1/1", "0/1", "1/1"]],
    ]);
    expect(series[0]!.overall).toBe(true);
    expect(series[0]!.points[1]!.percent).toBeCloseTo(100 / 3, 10);
    expect(series[1]!.points[1]!.percent).toBe(50);
  });

  it("unbounded mode counts activity in period N or later", () => {
    const series = buildRetentionCurves({ ...base, mode: "unbounded" });
    expect(shape(series)).toEqual([
      ["Everyone", 4, ["3/3", "2/3", "2/2"]],
      ["ads", 2, ["2/2", "1/2", "1/1"]],
      ["organic", 2, ["1/1", "1/1", "1/1"]],
    ]);
  });

  it("adds the groups' n up to the overall n at every point", () => {
    const [overall, ...groups] = buildRetentionCurves({ ...base, mode: "n-period" });
    overall!.points.forEach((point, n) => {
      expect(groups.reduce((sum, curve) => sum + curve.points[n]!.eligible, 0)).toBe(point.eligible);
      expect(groups.reduce((sum, curve) => sum + curve.points[n]!.users, 0)).toBe(point.users);
    });
  });

  it("gives no rate when nobody is eligible (0/0), and keeps an empty group unless it may hide", () => {
    const series = buildRetentionCurves({ ...base, rows: [ROWS[6]!], groups: ["ads", "organic"], mode: "n-period", hideWhenEmpty: new Set() });
    expect(series.map((curve) => curve.name)).toEqual(["Everyone", "ads", "organic"]);
    expect(series[0]!.points.map((point) => point.percent)).toEqual([null, null, null]);
    expect(series[1]!.size).toBe(0);
  });

  it("rejects rows outside the grid", () => {
    expect(() => buildRetentionCurves({ ...base, mode: "n-period", rows: [{ ...ROWS[0]!, period: 3 }] })).toThrow(RangeError);
    expect(() => buildRetentionCurves({ ...base, mode: "n-period", rows: [{ ...ROWS[0]!, group: 5 }] })).toThrow(RangeError);
  });
});
