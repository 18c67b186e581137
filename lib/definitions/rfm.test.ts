import { describe, expect, it } from "vitest";
import { validateDefinition } from "./models";
import { DEFAULT_RFM, describeRfmCriteria, rfmProblems, type RfmDefinition } from "./rfm";

describe("default RFM", () => {
  it("covers all 25 cells with the 11 conventional names", () => {
    expect(rfmProblems(DEFAULT_RFM)).toEqual([]);
    expect(new Set(DEFAULT_RFM.grid.flat())).toEqual(new Set(DEFAULT_RFM.segments));
    expect(DEFAULT_RFM.segments).toHaveLength(11);
    // spot checks against metric-conventions.md
    expect(DEFAULT_RFM.grid[5 - 1]![5 - 1]).toBe("Champions");
    expect(DEFAULT_RFM.grid[1 - 1]![1 - 1]).toBe("Lost");
    expect(DEFAULT_RFM.grid[2 - 1]![5 - 1]).toBe("Can't Lose Them");
    expect(DEFAULT_RFM.grid[3 - 1]![3 - 1]).toBe("Need Attention");
    expect(DEFAULT_RFM.grid[4 - 1]![1 - 1]).toBe("Promising");
    expect(DEFAULT_RFM.grid[5 - 1]![1 - 1]).toBe("New Customers");
  });

  it("describes cells in plain words (percentile mode)", () => {
    const criteria = Object.fromEntries(describeRfmCriteria(DEFAULT_RFM).map((entry) => [entry.segment, entry.criteria]));
    expect(criteria["Champions"]).toBe("R 5 (most recent 20%) and F 4–5 (top 40% by frequency)");
    expect(criteria["Potential Loyalists"]).toBe("R 4–5 (most recent 40%) and F 2–3 (frequency percent rank 0.2–0.6)");
    expect(criteria["Hibernating"]).toBe(
      "R 2 (recency percent rank 0.2–0.4) and F 1–2 (bottom 40% by frequency); or R 1 (least recent 20%) and F 2 (frequency percent rank 0.2–0.4)",
    );
    expect(criteria["Not scored"]).toBe("no recency or frequency value");
  });

  it("describes cells with fixed thresholds", () => {
    const criteria = Object.fromEntries(
      describeRfmCriteria({ ...DEFAULT_RFM, mode: "threshold" }).map((entry) => [entry.segment, entry.criteria]),
    );
    // recencyDaysAtMost [180, 90, 30, 7], frequencyAtLeast [2, 3, 5, 10]
    expect(criteria["Champions"]).toBe("R 5 (last active ≤ 7 days ago) and F 4–5 (frequency ≥ 5)");
    expect(criteria["Need Attention"]).toBe("R 3 (last active > 30 and ≤ 90 days ago) and F 3 (frequency ≥ 3 and < 5)");
    expect(criteria["Lost"]).toBe("R 1 (last active > 180 days ago) and F 1 (frequency < 2)");
  });
});

describe("RFM validation", () => {
  const withGrid = (change: (definition: RfmDefinition) => void): RfmDefinition => {
    const copy = JSON.parse(JSON.stringify(DEFAULT_RFM)) as RfmDefinition;
    change(copy);
    return copy;
  };

  it("rejects cut points that do not increase, and thresholds in the wrong direction", () => {
    const result = validateDefinition("rfm", {
      ...DEFAULT_RFM,
      percentileCutPoints: [0.2, 0.4, 0.4, 0.8],
      thresholds: { ...DEFAULT_RFM.thresholds, recencyDaysAtMost: [7, 30, 90, 180] },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        "Percentile cut points must increase from score 2 to score 5 (got 0.2, 0.4, 0.4, 0.8); equal cut points leave a score no user can get",
        "Recency thresholds must shrink from score 2 to score 5 — a higher score needs more recent activity (got 7, 30, 90, 180 days)",
      ],
    });
  });

  it("rejects grid names missing from the list, and listed names no cell uses", () => {
    const definition = withGrid((copy) => {
      copy.grid[0]![0] = "Gone";
    });
    expect(validateDefinition("rfm", definition)).toEqual({
      ok: false,
      errors: [
        'Grid cell R1 F1 names "Gone", which is not in the segment list',
        'Segment "Lost" can never match: no grid cell names it',
      ],
    });
  });

  it("requires a 5 × 5 grid", () => {
    const definition = withGrid((copy) => {
      (copy.grid[2] as string[]).pop();
    });
    const result = validateDefinition("rfm", definition);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^Grid row R3: /);
  });
});
