import type { RfmDefinition } from "../definitions/rfm";
import type { RfmGridCell } from "./rfm-grid.types";

/**
 * The RFM grid from per-user scores, in pure TypeScript (no I/O, no clock).
 *
 * - A user is in cell (R, F) with R = their recency score and F = their
 *   frequency score, exactly as scoreRfm assigns them (percentile or threshold
 *   mode, ties sharing a percent rank and so a score); users with score 0 (no
 *   value) are in no cell.
 * - Only users in view count (filterMask = 1, or everyone without a filter).
 * - percent = cell users ÷ users in view × 100, so the 25 cells plus the
 *   unscored users make 100%.
 * - average monetary = mean of the cell's monetary values (NaN values skipped);
 *   null for an empty cell.
 * - segment = definition.grid[R − 1][F − 1], the same lookup scoreRfm uses, so
 *   a named segment's cells add up to its size on the Segments page.
 */
export interface RfmGridInput {
  recencyScores: Uint8Array;
  frequencyScores: Uint8Array;
  monetary: Float64Array;
  filterMask: Uint8Array | null;
  definition: Pick<RfmDefinition, "grid" | "segments">;
}

export interface RfmGridCounts {
  usersInView: number;
  unscoredUsers: number;
  /** Rows R 5 → 1, columns F 1 → 5. */
  cells: RfmGridCell[];
  segments: { name: string; users: number }[];
}

export function buildRfmGrid(input: RfmGridInput): RfmGridCounts {
  const { recencyScores, frequencyScores, monetary, filterMask, definition } = input;
  const users = new Float64Array(36); // R·6 + F
  const monetarySum = new Float64Array(36);
  const monetaryCount = new Float64Array(36);
  let usersInView = 0;
  let unscoredUsers = 0;
  for (let i = 0; i < recencyScores.length; i++) {
    if (filterMask && filterMask[i] !== 1) continue;
    usersInView++;
    const r = recencyScores[i]!;
    const f = frequencyScores[i]!;
    if (r === 0 || f === 0) {
      unscoredUsers++;
      continue;
    }
    const cell = r * 6 + f;
    users[cell]!++;
    const value = monetary[i]!;
    if (value === value) {
      monetarySum[cell]! += value;
      monetaryCount[cell]!++;
    }
  }
  const cells: RfmGridCell[] = [];
  const bySegment = new Map(definition.segments.map((name) => [name, 0]));
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      const cell = r * 6 + f;
      const segment = definition.grid[r - 1]![f - 1]!;
      const count = users[cell]!;
      bySegment.set(segment, (bySegment.get(segment) ?? 0) + count);
      cells.push({
        recencyScore: r,
        frequencyScore: f,
        users: count,
        percent: usersInView === 0 ? null : (count / usersInView) * 100,
        averageMonetary: monetaryCount[cell]! === 0 ? null : monetarySum[cell]! / monetaryCount[cell]!,
        segment,
      });
    }
  }
  return { usersInView, unscoredUsers, cells, segments: [...bySegment].map(([name, count]) => ({ name, users: count })) };
}

/** Positions of the users in view in cell (R, F), in store (user id) order. */
export function rfmCellMembers(input: Omit<RfmGridInput, "monetary" | "definition">, recencyScore: number, frequencyScore: number): Uint32Array {
  const { recencyScores, frequencyScores, filterMask } = input;
  const members: number[] = [];
  for (let i = 0; i < recencyScores.length; i++) {
    if (filterMask && filterMask[i] !== 1) continue;
    if (recencyScores[i] === recencyScore && frequencyScores[i] === frequencyScore) members.push(i);
  }
  return Uint32Array.from(members);
}
