/**
 * Recommendations for one segments view (definition, filters): the same
 * scoring path as the segment table, so a recommendation's segment and its
 * cited numbers are the segment the table shows.
 */
import type { ScoredScope } from "../segments/segment-scope";
import { recommend, type Recommendation } from "./recommend";
import { DEFAULT_RECOMMENDATION_RULES, type RecommendationRule } from "./recommendation-rules";
import { segmentStats } from "./segment-stats";

export function recommendForScope(scored: ScoredScope, rules: readonly RecommendationRule[] = DEFAULT_RECOMMENDATION_RULES): Recommendation[] {
  return recommend(rules, segmentStats(scored.store, scored.segmentation, scored.filterMask ?? undefined));
}
