/**
 * Seeded randomness for clustering: every seeding, restart and sample draws
 * from a RandomSource made from a seed, so the same data and seed give the
 * same clusters on every machine (conventions.md: inject randomness).
 */
import { mulberry32, type RandomSource } from "../demo/seeded-random";

export type { RandomSource };

export function seededRandom(seed: number): RandomSource {
  return mulberry32(seed);
}

/**
 * `size` distinct row indices out of `rows`, uniformly, in ascending order
 * (Floyd's algorithm: O(size) draws, no array of all rows); all rows when size ≥ rows.
 */
export function sampleRows(rows: number, size: number, random: RandomSource): Int32Array {
  if (size >= rows) return Int32Array.from({ length: rows }, (_, i) => i);
  const chosen = new Set<number>();
  for (let j = rows - size; j < rows; j++) {
    const candidate = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(candidate) ? j : candidate);
  }
  return Int32Array.from(chosen).sort();
}
