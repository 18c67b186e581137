/**
 * Scores RFM (see lib/definitions/rfm.ts for the definition).
 *
 * Percentile mode ranks once per store (PERCENT_RANK, cached) and then only
 * compares each user's cached percent rank with the four cut points, so moving
 * a cut point re-scores a million users in a few milliseconds
 * (perf-anchors.md: rank once per as-of date, then re-score from the cache).
 */
import { RFM_UNSCORED_SEGMENT, rfmSegments, type RfmDefinition } from "../definitions/rfm";
import { storeAsOf, type FeatureStore } from "./feature-store";
import { rankedOnStore } from "./percent-rank";
import type { ScoreOptions, Segmentation } from "./segmentation";

export interface RfmOptions extends ScoreOptions {
  /**
   * The filtered users (dimension filter mask). Used only when the definition's
   * rankScope is "filtered"; by default percentiles rank the whole population.
   */
  filterMask?: Uint8Array;
}

export interface RfmSegmentation extends Segmentation {
  /** 1–5 per user; 0 when the value is null. */
  recencyScores: Uint8Array;
  frequencyScores: Uint8Array;
  monetaryScores: Uint8Array;
  /** R·100 + F·10 + M (e.g. 545), the usual "RFM cell" code; NaN when R or F is missing. */
  scores: Float64Array;
}

/** score = 1 + number of cut points the percent rank reaches (NaN reaches none → 0 marks "unscored"). */
function scoreFromPercentRanks(ranks: Float64Array, cuts: readonly number[], out: Uint8Array): void {
  const [c2, c3, c4, c5] = cuts as [number, number, number, number];
  for (let i = 0; i < ranks.length; i++) {
    const rank = ranks[i]!;
    out[i] = rank === rank ? 1 + +(rank >= c2) + +(rank >= c3) + +(rank >= c4) + +(rank >= c5) : 0;
  }
}

function scoreAtLeast(values: Float64Array, atLeast: readonly number[], out: Uint8Array): void {
  const [t2, t3, t4, t5] = atLeast as [number, number, number, number];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out[i] = value === value ? 1 + +(value >= t2) + +(value >= t3) + +(value >= t4) + +(value >= t5) : 0;
  }
}

function scoreAtMost(values: Float64Array, atMost: readonly number[], out: Uint8Array): void {
  const [t2, t3, t4, t5] = atMost as [number, number, number, number];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out[i] = value === value ? 1 + +(value <= t2) + +(value <= t3) + +(value <= t4) + +(value <= t5) : 0;
  }
}

/**
 * @example
 *   const rfm = scoreRfm(store, DEFAULT_RFM);
 *   rfm.segments[rfm.labels[i]] // "Champions"; rfm.recencyScores[i] // 5
 */
export function scoreRfm(store: FeatureStore, definition: RfmDefinition, options: RfmOptions = {}): RfmSegmentation {
  const scoredStore = storeAsOf(store, options.asOf);
  const size = scoredStore.size;
  const recencyScores = new Uint8Array(size);
  const frequencyScores = new Uint8Array(size);
  const monetaryScores = new Uint8Array(size);
  const warnings: string[] = [];
  // Ranking inside a filtered group leaves everyone outside it unscored (not in view, not a data problem).
  const within = definition.mode === "percentile" && definition.rankScope === "filtered" ? options.filterMask : undefined;

  if (definition.mode === "percentile") {
    if (definition.rankScope === "filtered" && !options.filterMask) {
      warnings.push("Ranking inside the filtered group was asked for, but no filter is applied: ranked over everyone");
    }
    const cuts = definition.percentileCutPoints;
    // Fewer days since last activity is better: rank recency descending so the most recent get the top percent rank.
    scoreFromPercentRanks(rankedOnStore(scoredStore, "recencyDays", "descending", within), cuts, recencyScores);
    scoreFromPercentRanks(rankedOnStore(scoredStore, "frequency", "ascending", within), cuts, frequencyScores);
    scoreFromPercentRanks(rankedOnStore(scoredStore, "monetary", "ascending", within), cuts, monetaryScores);
  } else {
    const { recencyDaysAtMost, frequencyAtLeast, monetaryAtLeast } = definition.thresholds;
    scoreAtMost(scoredStore.columns.recencyDays, recencyDaysAtMost, recencyScores);
    scoreAtLeast(scoredStore.columns.frequency, frequencyAtLeast, frequencyScores);
    scoreAtLeast(scoredStore.columns.monetary, monetaryAtLeast, monetaryScores);
  }

  const segments = rfmSegments(definition);
  const unscored = segments.length - 1;
  // cellSegment[R·6 + F] for R, F in 0..5 (0 = unscored): the grid as a 36-entry lookup table.
  const cellSegment = new Uint16Array(36).fill(unscored);
  const segmentIndex = new Map(definition.segments.map((name, index) => [name, index]));
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) cellSegment[r * 6 + f] = segmentIndex.get(definition.grid[r - 1]![f - 1]!) ?? unscored;
  }

  const labels = new Uint16Array(size);
  const scores = new Float64Array(size);
  let unscoredUsers = 0;
  for (let i = 0; i < size; i++) {
    const r = recencyScores[i]!;
    const f = frequencyScores[i]!;
    labels[i] = cellSegment[r * 6 + f]!;
    if (r === 0 || f === 0) {
      scores[i] = Number.NaN;
      if (!within || within[i] === 1) unscoredUsers++;
    } else {
      scores[i] = r * 100 + f * 10 + monetaryScores[i]!;
    }
  }
  if (unscoredUsers > 0) {
    const [has, is] = unscoredUsers === 1 ? ["user has", "is"] : ["users have", "are"];
    warnings.push(`${unscoredUsers} ${has} no recency or frequency value and ${is} in “${RFM_UNSCORED_SEGMENT}”`);
  }
  return { labels, segments, scores, recencyScores, frequencyScores, monetaryScores, warnings };
}
