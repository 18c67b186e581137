import { describe, expect, it } from "vitest";
import type { TransitionMatrix } from "@/lib/snapshots/snapshot.types";
import { sankeyData } from "./sankey-data";

describe("sankeyData", () => {
  it("makes a node per non-empty row and column and a link per non-zero cell", () => {
    // Rows Active 3, Lost 0 (dropped), Not yet seen 2; columns Active 4, Lost 1, Gone 0 (dropped).
    const matrix = {
      from: { asOfDay: "2026-01-31" },
      to: { asOfDay: "2026-02-28" },
      rows: ["Active", "Lost", "Not yet seen"],
      columns: ["Active", "Lost", "Gone"],
      counts: [
        [2, 1, 0],
        [0, 0, 0],
        [2, 0, 0],
      ],
      rowTotals: [3, 0, 2],
      columnTotals: [4, 1, 0],
    } as unknown as TransitionMatrix;
    const { nodes, links } = sankeyData(matrix);
    expect(nodes.map((node) => node.name)).toEqual(["Active (2026-01-31)", "Not yet seen (2026-01-31)", "Active (2026-02-28)", "Lost (2026-02-28)"]);
    expect(links).toEqual([
      { source: 0, target: 2, value: 2, segment: "Active" },
      { source: 0, target: 3, value: 1, segment: "Active" },
      { source: 1, target: 2, value: 2, segment: "Not yet seen" },
    ]);
  });
});
