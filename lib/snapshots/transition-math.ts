/**
 * Segment transitions between two snapshots of one definition, in pure
 * TypeScript (no I/O): the matrix, its totals and percentages, and a change
 * summary per segment. The SQL (transition-matrix.ts) only counts users per
 * (segment at `from`, segment at `to`) pair.
 *
 * Definitions:
 * - A user's segment at a date is the one stored in that date's snapshot.
 * - Row "Not yet seen": users absent from the `from` snapshot (no event
 *   before its as-of: first seen later). Column "Gone": users absent from the
 *   `to` snapshot (their events were removed from the dataset; with both
 *   dates in order and no deletions it stays 0).
 * - Row total = users in that segment at `from` (for "Not yet seen": users
 *   new by `to`); column total = users in that segment at `to`.
 * - % of row = cell ÷ row total × 100; an empty row has no rate (null, "—"),
 *   never 0% (0/0 policy, as the retention matrix).
 * - Change % = (size at `to` − size at `from`) ÷ size at `from` × 100; null
 *   when the segment was empty at `from`.
 * - Inflows = users in the segment at `to` who were elsewhere at `from`
 *   (another segment or not yet seen); outflows = users in it at `from` who
 *   are elsewhere at `to`. Both largest first, ties in matrix order.
 *
 * @example
 *   buildTransitions({ fromSegments: ["Active", "At Risk"], toSegments: ["Active", "At Risk"],
 *     rows: [{ from: 0, to: 0, users: 3 }, { from: 0, to: 1, users: 1 }, { from: null, to: 1, users: 2 }] })
 *   // counts [[3, 1, 0], [0, 0, 0], [0, 2, 0]]; At Risk: 0 → 3, "At Risk appeared with 3 users: 2 new, 1 from Active."
 */
import { formatNumber } from "../definitions/plain-numbers";
import { GONE, NOT_YET_SEEN, type SegmentChange } from "./snapshot.types";

/** Users per (segment index at `from`, segment index at `to`); null = absent from that snapshot. */
export interface TransitionCountRow {
  from: number | null;
  to: number | null;
  users: number;
}

export interface TransitionInput {
  /** The `from` snapshot's segments; `from` indexes point into this. */
  fromSegments: readonly string[];
  /** The `to` snapshot's segments; `to` indexes point into this. */
  toSegments: readonly string[];
  rows: readonly TransitionCountRow[];
}

export interface TransitionTable {
  rows: string[];
  columns: string[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
  rowPercents: (number | null)[][];
  changes: SegmentChange[];
}

/** How many inflows and outflows a summary sentence names. */
export const SUMMARY_FLOWS = 3;

/**
 * The matrix over the union of both snapshots' segments (the `from` order,
 * then segments only the `to` snapshot has), plus "Not yet seen" and "Gone".
 * @throws RangeError on a segment index outside its snapshot's segments, or a
 *   negative or fractional count.
 */
export function buildTransitions(input: TransitionInput): TransitionTable {
  const segments = [...input.fromSegments];
  for (const name of input.toSegments) if (!segments.includes(name)) segments.push(name);
  const position = new Map(segments.map((name, index) => [name, index]));
  const absent = segments.length;
  const size = segments.length + 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));

  for (const row of input.rows) {
    if (!Number.isInteger(row.users) || row.users < 0) throw new RangeError(`Not a user count: ${row.users}`);
    const r = row.from === null ? absent : position.get(segmentAt(input.fromSegments, row.from, "from"))!;
    const c = row.to === null ? absent : position.get(segmentAt(input.toSegments, row.to, "to"))!;
    counts[r]![c]! += row.users;
  }

  const rowTotals = counts.map((cells) => sum(cells));
  const columnTotals = segments.map((_, c) => sum(counts.map((cells) => cells[c]!)));
  columnTotals.push(sum(counts.map((cells) => cells[absent]!)));
  const rowPercents = counts.map((cells, r) => cells.map((users) => (rowTotals[r] === 0 ? null : (users / rowTotals[r]!) * 100)));

  const rowLabels = [...segments, NOT_YET_SEEN];
  const columnLabels = [...segments, GONE];
  const changes = segments.map((segment, s): SegmentChange => {
    const from = rowTotals[s]!;
    const to = columnTotals[s]!;
    const inflows = largestFirst(rowLabels.map((label, r) => ({ segment: label, users: r === s ? 0 : counts[r]![s]! })));
    const outflows = largestFirst(columnLabels.map((label, c) => ({ segment: label, users: c === s ? 0 : counts[s]![c]! })));
    const change = { segment, from, to, changePercent: from === 0 ? null : ((to - from) / from) * 100, stayed: counts[s]![s]!, inflows, outflows };
    return { ...change, summary: describeChange(change) };
  });

  return { rows: rowLabels, columns: columnLabels, counts, rowTotals, columnTotals, total: sum(rowTotals), rowPercents, changes };
}

function segmentAt(segments: readonly string[], index: number, side: "from" | "to"): string {
  const name = segments[index];
  if (!Number.isInteger(index) || name === undefined) throw new RangeError(`Segment index ${index} is not in the ${side} snapshot's ${segments.length} segments`);
  return name;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Non-empty flows, largest first; a stable sort keeps matrix order among ties. */
function largestFirst(flows: { segment: string; users: number }[]): { segment: string; users: number }[] {
  return flows.filter((flow) => flow.users > 0).sort((a, b) => b.users - a.users);
}

const count = (users: number) => formatNumber(users, 0);

function inflowText(flow: { segment: string; users: number }): string {
  return flow.segment === NOT_YET_SEEN ? `${count(flow.users)} new` : `${count(flow.users)} from ${flow.segment}`;
}

function outflowText(flow: { segment: string; users: number }): string {
  return flow.segment === GONE ? `${count(flow.users)} gone` : `${count(flow.users)} to ${flow.segment}`;
}

/**
 * One sentence: how the segment's size changed, then its largest inflows and
 * outflows (at most SUMMARY_FLOWS each).
 * @example describeChange({ segment: "At Risk", from: 800, to: 920, changePercent: 15,
 *   inflows: [{ segment: "Active", users: 120 }, { segment: "Not yet seen", users: 40 }], outflows: [{ segment: "Churned", users: 40 }] })
 *   // "At Risk grew 15% (800 → 920): 120 from Active, 40 new; lost 40 to Churned."
 */
export function describeChange(change: Omit<SegmentChange, "summary" | "stayed">): string {
  const { segment, from, to, changePercent } = change;
  let head: string;
  if (from === 0 && to === 0) head = `${segment} was empty at both dates`;
  else if (from === 0) head = `${segment} appeared with ${count(to)} ${to === 1 ? "user" : "users"}`;
  else if (to === 0) head = `${segment} emptied (from ${count(from)})`;
  else if (to === from) head = `${segment} held steady at ${count(to)}`;
  else head = `${segment} ${to > from ? "grew" : "shrank"} ${formatNumber(Math.abs(changePercent!), 1)}% (${count(from)} → ${count(to)})`;

  const inflows = change.inflows.slice(0, SUMMARY_FLOWS).map(inflowText);
  const outflows = change.outflows.slice(0, SUMMARY_FLOWS).map(outflowText);
  const parts = [inflows.join(", "), outflows.length > 0 ? `lost ${outflows.join(", ")}` : ""].filter(Boolean);
  return parts.length > 0 ? `${head}: ${parts.join("; ")}.` : `${head}.`;
}

/** The definition printed under the charts and in the info tooltip. */
export function describeTransitions(timezone: string): string {
  return (
    `Each user's segment is read from two stored snapshots of the same definition version, taken at the end of a month or ISO week ` +
    `(local midnight in ${timezone}) from the features as of that instant, never from today's values. ` +
    `Rows: segment at the first date ("${NOT_YET_SEEN}": no event before it). Columns: segment at the second date ("${GONE}": absent from it). ` +
    `% = share of the row; change % = (size then − size before) ÷ size before.`
  );
}
