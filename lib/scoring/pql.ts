/**
 * Scores product-qualified leads (lib/definitions/pql.ts). `scores` holds each
 * user's points (points mode) or number of criteria met (all mode).
 */
import { FEATURES } from "../definitions/features";
import { PQL_SEGMENTS, criterionLabel, isEventCondition, type PqlDefinition } from "../definitions/pql";
import { addPointsWhere, compileEventCondition, compileFeatureCondition, type CompiledCondition } from "./compiled-condition";
import { storeAsOf, type FeatureStore } from "./feature-store";
import type { ScoreOptions, Segmentation } from "./segmentation";

const QUALIFIED = 0;
const NOT_QUALIFIED = 1;

export function scorePql(store: FeatureStore, definition: PqlDefinition, options: ScoreOptions = {}): Segmentation {
  const scoredStore = storeAsOf(store, options.asOf);
  const warnings: string[] = [];
  const compiled: CompiledCondition[] = definition.criteria.map((criterion, index) => {
    const condition = criterion.when;
    if (isEventCondition(condition)) {
      const { compiled: eventCondition, missing } = compileEventCondition(scoredStore, condition);
      if (missing) {
        warnings.push(
          `No “${condition.event}” events in this dataset's window: criterion ${index + 1} (${criterionLabel(criterion)}) is checked against a count of 0 for everyone`,
        );
      }
      return eventCondition;
    }
    const feature = condition.feature;
    if (!scoredStore.available.has(feature)) {
      warnings.push(`${FEATURES[feature].label} (${feature}) has no values in this dataset, so “${criterionLabel(criterion)}” holds for no one`);
    }
    return compileFeatureCondition(scoredStore, condition);
  });

  const scores = new Float64Array(scoredStore.size);
  const labels = new Uint16Array(scoredStore.size);
  if (definition.mode === "points") {
    definition.criteria.forEach((criterion, index) => addPointsWhere(scores, compiled[index]!, criterion.points));
    const qualifyAt = definition.qualifyAt;
    for (let i = 0; i < labels.length; i++) labels[i] = scores[i]! >= qualifyAt ? QUALIFIED : NOT_QUALIFIED;
  } else {
    for (const condition of compiled) addPointsWhere(scores, condition, 1);
    const needed = compiled.length;
    for (let i = 0; i < labels.length; i++) labels[i] = scores[i] === needed ? QUALIFIED : NOT_QUALIFIED;
  }
  return { labels, segments: [...PQL_SEGMENTS], scores, warnings };
}
