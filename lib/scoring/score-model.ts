/**
 * One entry point for every model, so the API, the CLI and the browser preview
 * score a validated definition the same way:
 *
 *   const checked = validateDefinition(modelId, json);
 *   if (checked.ok) scoreModel(modelId, store, checked.definition, { asOf });
 */
import type { DefinitionByModel, ModelId } from "../definitions/models";
import { scoreBehaviorRules } from "./behavior-rules";
import { scoreChurnRisk } from "./churn-risk";
import { scoreClusters } from "./clusters";
import { scoreEngagement } from "./engagement-score";
import type { FeatureStore } from "./feature-store";
import { scoreIntent } from "./intent";
import { scoreLifecycle } from "./lifecycle";
import { scorePql } from "./pql";
import { scoreRfm, type RfmOptions } from "./rfm";
import type { Segmentation } from "./segmentation";
import { scoreUsageTiers } from "./usage-tiers";

type Scorer<Id extends ModelId> = (store: FeatureStore, definition: DefinitionByModel[Id], options: RfmOptions) => Segmentation;

const SCORERS: { [Id in ModelId]: Scorer<Id> } = {
  "behavior-rules": scoreBehaviorRules,
  rfm: scoreRfm,
  lifecycle: scoreLifecycle,
  "usage-tiers": scoreUsageTiers,
  "churn-risk": scoreChurnRisk,
  "engagement-score": scoreEngagement,
  pql: scorePql,
  intent: scoreIntent,
  clusters: scoreClusters,
};

/** `options.filterMask` matters only to RFM with rankScope "filtered"; every other model ignores it. */
export function scoreModel<Id extends ModelId>(
  modelId: Id,
  store: FeatureStore,
  definition: DefinitionByModel[Id],
  options: RfmOptions = {},
): Segmentation {
  const scorer = SCORERS[modelId] as Scorer<Id>;
  return scorer(store, definition, options);
}
