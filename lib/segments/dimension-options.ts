/**
 * The values each filter dimension takes in a dataset, with how many users
 * have each, so the explorer offers only filters that select someone. Read
 * from the cached feature store (the same users the segments are computed
 * over), not from events.
 */
import type { Db } from "../db/db";
import { DIMENSION_NAMES, type DimensionName } from "../definitions/dimension-filters";
import type { FeatureStore } from "../scoring/feature-store";
import { getDatasetFeatures } from "./feature-cache";

export interface DimensionOption {
  /** null: users without a value (the API's empty filter value). */
  value: string | null;
  users: number;
}

export type DimensionOptions = Record<DimensionName, DimensionOption[]>;

/**
 * Each dimension's values in dictionary order (alphabetical; months
 * chronological), users without a value last; values nobody has are left out.
 */
export function dimensionOptions(store: Pick<FeatureStore, "dims">): DimensionOptions {
  const options = {} as DimensionOptions;
  for (const dimension of DIMENSION_NAMES) {
    const { codes, dictionary } = store.dims[dimension];
    const counts = new Float64Array(dictionary.length + 1); // slot 0: no value
    for (let i = 0; i < codes.length; i++) counts[codes[i]! + 1]!++;
    const values: DimensionOption[] = dictionary.map((value, code) => ({ value, users: counts[code + 1]! }));
    values.push({ value: null, users: counts[0]! });
    options[dimension] = values.filter((option) => option.users > 0);
  }
  return options;
}

/**
 * @throws NotFoundError for an unknown dataset; SegmentsRequestError "features_missing" before the first refresh.
 */
export async function listDimensionOptions(db: Db, datasetName: string): Promise<DimensionOptions> {
  const features = await getDatasetFeatures(db, datasetName);
  return dimensionOptions(features.store);
}
