/**
 * What every scoring model returns: one segment index per user, the segment
 * names, optionally a score per user, and warnings about the data (a feature
 * the definition reads that this dataset does not have).
 */
export interface Segmentation {
  /** `segments[labels[i]]` is user i's segment. */
  labels: Uint16Array;
  /** Segment names in definition order. */
  segments: string[];
  /** A model's continuous score per user (points, percent rank, engagement score); NaN when not scored. */
  scores?: Float64Array;
  /** Plain-language notes about the data, e.g. a feature with no values; never errors in the definition. */
  warnings: string[];
}

export interface ScoreOptions {
  /**
   * The date to score as of (epoch ms). Must match the store's as-of date when
   * it has one; supplies it when it has none. Never defaults to the clock.
   */
  asOf?: number;
}
