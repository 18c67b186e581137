/**
 * Scores lifecycle stages (lib/definitions/lifecycle.ts) with the behavior-rules
 * evaluator: the stages are ordered rules with parameters.
 */
import { lifecycleRules, type LifecycleDefinition } from "../definitions/lifecycle";
import { scoreBehaviorRules } from "./behavior-rules";
import type { FeatureStore } from "./feature-store";
import type { ScoreOptions, Segmentation } from "./segmentation";

export function scoreLifecycle(store: FeatureStore, definition: LifecycleDefinition, options: ScoreOptions = {}): Segmentation {
  return scoreBehaviorRules(store, lifecycleRules(definition), options);
}
