/**
 * A k-d tree over the rows of a point matrix, for radius queries (DBSCAN
 * neighbourhoods, assigning users to the nearest core point within eps).
 * Built by splitting on the widest dimension at the median; leaves of ≤ 16
 * rows. With the few dimensions clustering uses (≤ 12) and a small radius it
 * prunes most of the tree; a radius as wide as the data degrades to a scan.
 */
import { squaredDistance, type PointMatrix } from "./point-matrix";

const LEAF_SIZE = 16;

interface Node {
  /** Range [start, end) of `order` this node holds. */
  start: number;
  end: number;
  /** Bounding box of the node's rows. */
  low: Float64Array;
  high: Float64Array;
  left: Node | null;
  right: Node | null;
}

export class KdTree {
  /** Row indices, grouped so each node holds a contiguous range. */
  private readonly order: Int32Array;
  private readonly root: Node;

  constructor(private readonly points: PointMatrix) {
    this.order = Int32Array.from({ length: points.rows }, (_, i) => i);
    this.root = this.build(0, points.rows);
  }

  private build(start: number, end: number): Node {
    const { dims, data } = this.points;
    const low = new Float64Array(dims).fill(Number.POSITIVE_INFINITY);
    const high = new Float64Array(dims).fill(Number.NEGATIVE_INFINITY);
    for (let i = start; i < end; i++) {
      const offset = this.order[i]! * dims;
      for (let d = 0; d < dims; d++) {
        const value = data[offset + d]!;
        if (value < low[d]!) low[d] = value;
        if (value > high[d]!) high[d] = value;
      }
    }
    const node: Node = { start, end, low, high, left: null, right: null };
    if (end - start <= LEAF_SIZE) return node;
    let axis = 0;
    for (let d = 1; d < dims; d++) if (high[d]! - low[d]! > high[axis]! - low[axis]!) axis = d;
    if (high[axis] === low[axis]) return node; // all rows identical: nothing to split
    const slice = Array.from(this.order.subarray(start, end)).sort((a, b) => data[a * dims + axis]! - data[b * dims + axis]!);
    this.order.set(slice, start);
    const middle = start + ((end - start) >> 1);
    node.left = this.build(start, middle);
    node.right = this.build(middle, end);
    return node;
  }

  /** Squared distance from a query point to a node's bounding box (0 inside). */
  private boxDistance(node: Node, query: Float64Array, queryRow: number): number {
    const { dims } = this.points;
    let sum = 0;
    for (let d = 0; d < dims; d++) {
      const value = query[queryRow * dims + d]!;
      const gap = value < node.low[d]! ? node.low[d]! - value : value > node.high[d]! ? value - node.high[d]! : 0;
      sum += gap * gap;
    }
    return sum;
  }

  /** Calls `visit(row, squaredDistance)` for every tree row within `radius` of row `queryRow` of `query`. */
  withinRadius(query: Float64Array, queryRow: number, radius: number, visit: (row: number, distance: number) => void): void {
    const limit = radius * radius;
    const stack: Node[] = [this.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.boxDistance(node, query, queryRow) > limit) continue;
      if (node.left && node.right) {
        stack.push(node.left, node.right);
        continue;
      }
      for (let i = node.start; i < node.end; i++) {
        const row = this.order[i]!;
        const distance = squaredDistance(query, queryRow, this.points.data, row, this.points.dims);
        if (distance <= limit) visit(row, distance);
      }
    }
  }

  /**
   * A tree row within `radius` (inclusive) of the query, or −1: the first one
   * found, searching the boxes nearest the query first. Not always the nearest
   * row — stopping at the first hit is what keeps 500k look-ups fast in 8
   * dimensions, where a nearest-row search would still visit most leaves.
   */
  anyWithin(query: Float64Array, queryRow: number, radius: number): number {
    const limit = radius * radius;
    const stack: Node[] = [this.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.boxDistance(node, query, queryRow) > limit) continue;
      if (node.left && node.right) {
        // Nearer child on top, so the first leaf searched is the query's own.
        if (this.boxDistance(node.left, query, queryRow) <= this.boxDistance(node.right, query, queryRow)) stack.push(node.right, node.left);
        else stack.push(node.left, node.right);
        continue;
      }
      for (let i = node.start; i < node.end; i++) {
        const row = this.order[i]!;
        if (squaredDistance(query, queryRow, this.points.data, row, this.points.dims) <= limit) return row;
      }
    }
    return -1;
  }
}
