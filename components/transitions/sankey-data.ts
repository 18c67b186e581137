import { GONE, NOT_YET_SEEN, type TransitionMatrix } from "@/lib/snapshots/snapshot.types";

export interface FlowNode {
  /** "<segment> (<date>)": the same segment at the two dates is two nodes. */
  name: string;
  segment: string;
  side: "from" | "to";
}

export interface FlowLink {
  source: number;
  target: number;
  value: number;
  /** The segment the users came from, for the link colour. */
  segment: string;
}

/** Segments that are not a segment (absent from a snapshot) are drawn grey. */
export function isAbsence(segment: string): boolean {
  return segment === NOT_YET_SEEN || segment === GONE;
}

/**
 * The matrix as Sankey nodes and links: one node per non-empty row (left,
 * at `from`) and column (right, at `to`), one link per non-zero cell.
 */
export function sankeyData(matrix: TransitionMatrix): { nodes: FlowNode[]; links: FlowLink[] } {
  const nodes: FlowNode[] = [];
  const left = matrix.rows.map((segment, r) => {
    if (matrix.rowTotals[r] === 0) return -1;
    nodes.push({ name: `${segment} (${matrix.from.asOfDay})`, segment, side: "from" });
    return nodes.length - 1;
  });
  const right = matrix.columns.map((segment, c) => {
    if (matrix.columnTotals[c] === 0) return -1;
    nodes.push({ name: `${segment} (${matrix.to.asOfDay})`, segment, side: "to" });
    return nodes.length - 1;
  });
  const links: FlowLink[] = [];
  matrix.counts.forEach((cells, r) =>
    cells.forEach((users, c) => {
      if (users > 0) links.push({ source: left[r]!, target: right[c]!, value: users, segment: matrix.rows[r]! });
    }),
  );
  return { nodes, links };
}
