/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the
 * same rows: 1 = identical partitions (up to renaming), ≈ 0 = no better than
 * chance, negative = worse than chance. Any integers are labels (−1 noise is a
 * label like any other).
 *
 *   ARI = (Σij C(nij,2) − E) / (½ [Σi C(ai,2) + Σj C(bj,2)] − E),
 *   E = Σi C(ai,2) · Σj C(bj,2) / C(n,2)
 *
 * @example adjustedRandIndex(Int32Array.of(0,0,0,1,1,1), Int32Array.of(0,0,1,1,2,2)) // 0.8 / 3.3 ≈ 0.2424
 */
function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

export function adjustedRandIndex(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (truth.length !== predicted.length) throw new RangeError(`Labelings differ in length (${truth.length} vs ${predicted.length})`);
  const cells = new Map<string, number>();
  const truthSizes = new Map<number, number>();
  const predictedSizes = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    const key = `${truth[i]},${predicted[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    truthSizes.set(truth[i]!, (truthSizes.get(truth[i]!) ?? 0) + 1);
    predictedSizes.set(predicted[i]!, (predictedSizes.get(predicted[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const count of cells.values()) index += pairs(count);
  let truthPairs = 0;
  for (const count of truthSizes.values()) truthPairs += pairs(count);
  let predictedPairs = 0;
  for (const count of predictedSizes.values()) predictedPairs += pairs(count);
  const expected = (truthPairs * predictedPairs) / pairs(truth.length);
  const maximum = (truthPairs + predictedPairs) / 2;
  // Both labelings put everything in one cluster (or every row alone): identical partitions.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
