import { z } from "zod";

/** Long enough for an automatic cluster name ("Daily, many features, never upgraded"). */
export const MAX_SEGMENT_NAME_LENGTH = 80;

/** A segment's display name: what the UI, exports and the playbook key on. */
export const SegmentNameSchema = z.string().trim().min(1).max(MAX_SEGMENT_NAME_LENGTH);

/** One segment's criteria in plain words, for the legend beside a segmentation. */
export interface SegmentCriteria {
  segment: string;
  criteria: string;
}

/** Each name that appears more than once, with the positions (0-based) where it does. */
export function duplicateNames(names: readonly string[]): { name: string; positions: number[] }[] {
  const positions = new Map<string, number[]>();
  names.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    positions.set(key, [...(positions.get(key) ?? []), index]);
  });
  return [...positions.values()]
    .filter((list) => list.length > 1)
    .map((list) => ({ name: names[list[0]!]!, positions: list }));
}
