import { describe, expect, it } from "vitest";
import { buildTransitions, describeChange } from "./transition-math";

describe("buildTransitions", () => {
  /*
   * 10 users at `from` (Active 6, At Risk 4), 12 at `to`:
   *   Active → Active 4, Active → At Risk 2, At Risk → At Risk 1, At Risk → Churned 3,
   *   new → Active 1, new → At Risk 1.
   * Rows (from): Active 6, At Risk 4, Churned 0, Not yet seen 2.  total = 12
   * Columns (to): Active 4 + 1 = 5, At Risk 2 + 1 + 1 = 4, Churned 3, Gone 0.
   * % of row: Active → [4/6 = 66.67, 2/6 = 33.33, 0, 0]; At Risk → [0, 25, 75, 0]; Churned → all null (0/0).
   * Active: 6 → 5 = −16.67%; in 1 new; out 2 to At Risk.
   * At Risk: 4 → 4 held; in 2 from Active, 1 new; out 3 to Churned.
   * Churned: 0 → 3 (only the `to` snapshot has it); in 3 from At Risk.
   */
  const table = buildTransitions(
    Object.freeze({
      fromSegments: ["Active", "At Risk"],
      toSegments: ["Active", "At Risk", "Churned"],
      rows: [
        { from: 0, to: 0, users: 4 },
        { from: 0, to: 1, users: 2 },
        { from: 1, to: 1, users: 1 },
        { from: 1, to: 2, users: 3 },
        { from: null, to: 0, users: 1 },
        { from: null, to: 1, users: 1 },
      ],
    }),
  );

  it("lays out the union of segments plus Not yet seen and Gone", () => {
    expect(table.rows).toEqual(["Active", "At Risk", "Churned", "Not yet seen"]);
    expect(table.columns).toEqual(["Active", "At Risk", "Churned", "Gone"]);
    expect(table.counts).toEqual([
      [4, 2, 0, 0],
      [0, 1, 3, 0],
      [0, 0, 0, 0],
      [1, 1, 0, 0],
    ]);
    expect(table.rowTotals).toEqual([6, 4, 0, 2]);
    expect(table.columnTotals).toEqual([5, 4, 3, 0]);
    expect(table.total).toBe(12);
  });

  it("gives % of row, and no rate for an empty row", () => {
    expect(table.rowPercents[0]![0]).toBeCloseTo(66.667, 3);
    expect(table.rowPercents[0]![1]).toBeCloseTo(33.333, 3);
    expect(table.rowPercents[1]).toEqual([0, 25, 75, 0]);
    expect(table.rowPercents[2]).toEqual([null, null, null, null]);
    expect(table.rowPercents[3]).toEqual([50, 50, 0, 0]);
  });

  it("summarises each segment's change with its largest flows", () => {
    const [active, atRisk, churned] = table.changes;
    expect(active).toMatchObject({ segment: "Active", from: 6, to: 5, stayed: 4 });
    expect(active!.changePercent).toBeCloseTo(-16.667, 3);
    expect(active!.inflows).toEqual([{ segment: "Not yet seen", users: 1 }]);
    expect(active!.outflows).toEqual([{ segment: "At Risk", users: 2 }]);
    expect(active!.summary).toBe("Active shrank 16.7% (6 → 5): 1 new; lost 2 to At Risk.");

    expect(atRisk).toMatchObject({ from: 4, to: 4, changePercent: 0, stayed: 1 });
    expect(atRisk!.inflows).toEqual([
      { segment: "Active", users: 2 },
      { segment: "Not yet seen", users: 1 },
    ]);
    expect(atRisk!.summary).toBe("At Risk held steady at 4: 2 from Active, 1 new; lost 3 to Churned.");

    expect(churned).toMatchObject({ from: 0, to: 3, changePercent: null, stayed: 0 });
    expect(churned!.summary).toBe("Churned appeared with 3 users: 3 from At Risk.");
  });

  it("counts users absent from the later snapshot as Gone", () => {
    // 2 Active users at `from` are missing at `to` (their events were deleted); 1 stays Active.
    const gone = buildTransitions({
      fromSegments: ["Active"],
      toSegments: ["Active"],
      rows: [
        { from: 0, to: null, users: 2 },
        { from: 0, to: 0, users: 1 },
      ],
    });
    expect(gone.counts).toEqual([
      [1, 2],
      [0, 0],
    ]);
    expect(gone.columnTotals).toEqual([1, 2]);
    expect(gone.changes[0]!.summary).toBe("Active shrank 66.7% (3 → 1): lost 2 gone.");
  });

  it("adds rows of the same pair from several count rows, and refuses bad input", () => {
    const twice = buildTransitions({ fromSegments: ["A"], toSegments: ["A"], rows: [{ from: 0, to: 0, users: 2 }, { from: 0, to: 0, users: 3 }] });
    expect(twice.counts[0]![0]).toBe(5);
    expect(() => buildTransitions({ fromSegments: ["A"], toSegments: ["A"], rows: [{ from: 1, to: 0, users: 1 }] })).toThrow(RangeError);
    expect(() => buildTransitions({ fromSegments: ["A"], toSegments: ["A"], rows: [{ from: 0, to: 0, users: -1 }] })).toThrow(RangeError);
  });

  it("handles two empty snapshots without dividing by zero", () => {
    const empty = buildTransitions({ fromSegments: ["A"], toSegments: ["A"], rows: [] });
    expect(empty.total).toBe(0);
    expect(empty.changes[0]!.summary).toBe("A was empty at both dates.");
    expect(empty.rowPercents).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

describe("describeChange", () => {
  it("writes the issue's example sentence", () => {
    // 800 → 920: +120 / 800 = 15%.
    expect(
      describeChange({
        segment: "At Risk",
        from: 800,
        to: 920,
        changePercent: 15,
        inflows: [
          { segment: "Active", users: 120 },
          { segment: "Not yet seen", users: 40 },
        ],
        outflows: [{ segment: "Churned", users: 40 }],
      }),
    ).toBe("At Risk grew 15% (800 → 920): 120 from Active, 40 new; lost 40 to Churned.");
  });

  it("names at most three flows each way and formats thousands", () => {
    const flows = ["A", "B", "C", "D"].map((segment, index) => ({ segment, users: 4000 - index * 1000 }));
    expect(describeChange({ segment: "X", from: 10000, to: 0, changePercent: -100, inflows: [], outflows: flows })).toBe(
      "X emptied (from 10,000): lost 4,000 to A, 3,000 to B, 2,000 to C.",
    );
  });
});
