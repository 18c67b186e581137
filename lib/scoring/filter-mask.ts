/**
 * A dimension filter ("channel = ads or referral, plan = pro") as a 0/1 mask
 * over the store's users. Masks choose whom a screen shows; scores are computed
 * on the whole population first (metric-conventions.md).
 */
import { DIMENSION_NAMES, type DimensionFilters } from "../definitions/dimension-filters";
import type { FeatureStore } from "./feature-store";

/**
 * 1 for users who pass every filtered dimension. Values not present in the data
 * simply match nobody. An empty filter selects everyone.
 */
export function dimensionFilterMask(store: FeatureStore, filters: DimensionFilters): Uint8Array {
  const mask = new Uint8Array(store.size).fill(1);
  for (const dimension of DIMENSION_NAMES) {
    const wanted = filters[dimension];
    if (!wanted) continue;
    const { codes, dictionary } = store.dims[dimension];
    // allowed[code + 1]: slot 0 stands for null (code −1)
    const allowed = new Uint8Array(dictionary.length + 1);
    for (const value of wanted) {
      if (value === null) allowed[0] = 1;
      else {
        const code = dictionary.indexOf(value);
        if (code >= 0) allowed[code + 1] = 1;
      }
    }
    for (let i = 0; i < codes.length; i++) mask[i]! &= allowed[codes[i]! + 1]!;
  }
  return mask;
}

/** How many users a mask selects. */
export function maskCount(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  return count;
}
