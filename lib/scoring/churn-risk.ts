/**
 * Scores churn risk (lib/definitions/churn-risk.ts) with the behavior-rules
 * evaluator: high / medium / low risk are ordered rules with parameters.
 */
import { churnRiskRules, type ChurnRiskDefinition } from "../definitions/churn-risk";
import { scoreBehaviorRules } from "./behavior-rules";
import type { FeatureStore } from "./feature-store";
import type { ScoreOptions, Segmentation } from "./segmentation";

export function scoreChurnRisk(store: FeatureStore, definition: ChurnRiskDefinition, options: ScoreOptions = {}): Segmentation {
  return scoreBehaviorRules(store, churnRiskRules(definition), options);
}
