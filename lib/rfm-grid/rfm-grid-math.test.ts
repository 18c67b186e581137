import { describe, expect, it } from "vitest";
import { DEFAULT_RFM } from "../definitions/rfm";
import { fromRows } from "../scoring/feature-store";
import { scoreRfm } from "../scoring/rfm";
import { featureRow } from "../scoring/test-feature-rows";
import { buildRfmGrid, rfmCellMembers } from "./rfm-grid-math";

/**
 * Six users, default RFM (percentile, cut points .2/.4/.6/.8, whole population):
 *   user  recency  frequency  monetary  channel
 *   u1    0        10         100       ads
 *   u2    0        10         50
 *   u3    5        1          20        ads
 *   u4    10       3          0
 *   u5    30       1          7
 *   u6    —        —          0         ads     (no recency or frequency: unscored)
 * Recency, ranked descending over the 5 with a value: 30 → rank 1, 10 → 2, 5 → 3, 0 and 0 tie at rank 4;
 *   percent rank (rank − 1)/4 = 0, .25, .5, .75, .75 → R 1, 2, 3, 4, 4 (the tie shares R 4, nobody gets R 5).
 * Frequency ascending: 1, 1 → rank 1 (0 → F1); 3 → rank 3 (.5 → F3); 10, 10 → rank 4 (.75 → F4).
 * Cells: u1, u2 → R4 F4 "Loyal Customers" (avg monetary 75); u3 → R3 F1 "About to Sleep";
 *        u4 → R2 F3 "At Risk"; u5 → R1 F1 "Lost"; u6 unscored. In view 6 → R4 F4 = 2/6 = 33.3%.
 * Channel ads only (u1, u3, u6), not re-ranked: R4 F4 1, R3 F1 1, unscored 1, in view 3.
 */
const store = fromRows([
  featureRow("u1", { recencyDays: 0, frequency: 10, monetary: 100, channel: "ads" }),
  featureRow("u2", { recencyDays: 0, frequency: 10, monetary: 50 }),
  featureRow("u3", { recencyDays: 5, frequency: 1, monetary: 20, channel: "ads" }),
  featureRow("u4", { recencyDays: 10, frequency: 3, monetary: 0 }),
  featureRow("u5", { recencyDays: 30, frequency: 1, monetary: 7 }),
  featureRow("u6", { recencyDays: null as unknown as number, frequency: null as unknown as number, monetary: 0, channel: "ads" }),
]);
const rfm = scoreRfm(store, DEFAULT_RFM);
const input = { recencyScores: rfm.recencyScores, frequencyScores: rfm.frequencyScores, monetary: store.columns.monetary, filterMask: null, definition: DEFAULT_RFM };
const cell = (grid: ReturnType<typeof buildRfmGrid>, r: number, f: number) => grid.cells.find((c) => c.recencyScore === r && c.frequencyScore === f)!;

describe("buildRfmGrid", () => {
  const grid = buildRfmGrid(input);

  it("puts tied users in one cell and averages their monetary value", () => {
    expect(grid.usersInView).toBe(6);
    expect(grid.unscoredUsers).toBe(1);
    expect(cell(grid, 4, 4)).toEqual({ recencyScore: 4, frequencyScore: 4, users: 2, percent: (2 / 6) * 100, averageMonetary: 75, segment: "Loyal Customers" });
    expect(cell(grid, 3, 1)).toMatchObject({ users: 1, averageMonetary: 20, segment: "About to Sleep" });
    expect(cell(grid, 2, 3)).toMatchObject({ users: 1, averageMonetary: 0, segment: "At Risk" });
    expect(cell(grid, 1, 1)).toMatchObject({ users: 1, averageMonetary: 7, segment: "Lost" });
    expect(cell(grid, 5, 5)).toEqual({ recencyScore: 5, frequencyScore: 5, users: 0, percent: 0, averageMonetary: null, segment: "Champions" });
  });

  it("lists 25 cells, recency 5 → 1 by frequency 1 → 5, adding up with the unscored users to everyone", () => {
    expect(grid.cells.map((c) => `${c.recencyScore}${c.frequencyScore}`).slice(0, 6)).toEqual(["51", "52", "53", "54", "55", "41"]);
    expect(grid.cells).toHaveLength(25);
    expect(grid.cells.reduce((sum, c) => sum + c.users, 0) + grid.unscoredUsers).toBe(grid.usersInView);
  });

  it("sizes every named segment exactly as scoreRfm labels its users", () => {
    const labelled = new Map<string, number>();
    for (const label of rfm.labels) labelled.set(rfm.segments[label]!, (labelled.get(rfm.segments[label]!) ?? 0) + 1);
    for (const segment of grid.segments) expect(segment.users, segment.name).toBe(labelled.get(segment.name) ?? 0);
    expect(grid.segments.find((segment) => segment.name === "Loyal Customers")!.users).toBe(2);
  });

  it("counts only the filtered users without re-ranking them", () => {
    const ads = Uint8Array.from([1, 0, 1, 0, 0, 1]);
    const filtered = buildRfmGrid({ ...input, filterMask: ads });
    expect([filtered.usersInView, filtered.unscoredUsers]).toEqual([3, 1]);
    expect(cell(filtered, 4, 4)).toMatchObject({ users: 1, averageMonetary: 100 });
    expect(cell(filtered, 4, 4).percent).toBeCloseTo(100 / 3, 10);
    expect(cell(filtered, 3, 1).users).toBe(1);
    expect(Array.from(rfmCellMembers({ ...input, filterMask: ads }, 4, 4))).toEqual([0]);
    expect(Array.from(rfmCellMembers(input, 4, 4))).toEqual([0, 1]);
  });

  it("gives no percentage when nobody is in view", () => {
    const none = buildRfmGrid({ ...input, filterMask: new Uint8Array(6) });
    expect(none.usersInView).toBe(0);
    expect(none.cells.every((c) => c.percent === null && c.users === 0)).toBe(true);
  });
});
