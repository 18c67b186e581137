/**
 * How many users each segment holds, within an optional filter, and what share
 * of the filtered users that is. Every segment of the definition is listed, in
 * definition order, empty ones with 0 (a fixed vocabulary, so charts keep their
 * colors and rows when a segment empties).
 *
 * 0/0 policy: when the filter selects nobody, every share is 0 (not NaN), so
 * charts and tables draw an empty view instead of failing; `filteredUsers` = 0
 * tells the UI to show its empty state.
 */
import type { Segmentation } from "./segmentation";

export interface SegmentSize {
  segment: string;
  /** Index into the segmentation's `segments`. */
  index: number;
  users: number;
  /** users / filteredUsers, 0..1. */
  share: number;
}

export interface SegmentSizes {
  /** Users the filter selects (all users without a filter). */
  filteredUsers: number;
  segments: SegmentSize[];
}

/**
 * @example
 *   segmentSizes({ labels: Uint16Array.of(0, 1, 1, 0, 1), segments: ["A", "B"] }, Uint8Array.of(1, 1, 1, 0, 0))
 *   // { filteredUsers: 3, segments: [{ segment: "A", index: 0, users: 1, share: 1/3 }, { segment: "B", index: 1, users: 2, share: 2/3 }] }
 */
export function segmentSizes(segmentation: Pick<Segmentation, "labels" | "segments">, filterMask?: Uint8Array): SegmentSizes {
  const { labels, segments } = segmentation;
  if (filterMask && filterMask.length !== labels.length) {
    throw new RangeError(`The filter mask has ${filterMask.length} entries for ${labels.length} users`);
  }
  const counts = new Float64Array(segments.length);
  if (filterMask) {
    for (let i = 0; i < labels.length; i++) counts[labels[i]!]! += filterMask[i]!;
  } else {
    for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  }
  let filteredUsers = 0;
  for (const count of counts) filteredUsers += count;
  return {
    filteredUsers,
    segments: segments.map((segment, index) => ({
      segment,
      index,
      users: counts[index]!,
      share: filteredUsers === 0 ? 0 : counts[index]! / filteredUsers,
    })),
  };
}
