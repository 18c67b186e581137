/**
 * The segmentation models Strata offers, so a UI, the API and the CLI can list
 * them, show their defaults and criteria, and validate a definition the same way.
 *
 *   validateDefinition("rfm", json) → { ok: true, definition } | { ok: false, errors: ["…", …] }
 *
 * The error strings are the ones both the rule editor and the API's 400 show.
 */
import type { z } from "zod";
import {
  BehaviorRulesDefinitionSchema,
  DEFAULT_BEHAVIOR_RULES,
  describeBehaviorRulesCriteria,
  type BehaviorRulesDefinition,
} from "./behavior-rules";
import { ClustersDefinitionSchema, describeClustersCriteria, type ClustersDefinition } from "./clusters";
import { ChurnRiskDefinitionSchema, DEFAULT_CHURN_RISK, describeChurnRiskCriteria, type ChurnRiskDefinition } from "./churn-risk";
import { definitionErrors } from "./definition-errors";
import {
  DEFAULT_ENGAGEMENT_SCORE,
  EngagementScoreDefinitionSchema,
  describeEngagementScoreCriteria,
  type EngagementScoreDefinition,
} from "./engagement-score";
import { DEFAULT_INTENT, IntentDefinitionSchema, describeIntentCriteria, type IntentDefinition } from "./intent";
import { DEFAULT_LIFECYCLE, LifecycleDefinitionSchema, describeLifecycleCriteria, type LifecycleDefinition } from "./lifecycle";
import { DEFAULT_PQL, PqlDefinitionSchema, describePqlCriteria, type PqlDefinition } from "./pql";
import { DEFAULT_RFM, RfmDefinitionSchema, describeRfmCriteria, type RfmDefinition } from "./rfm";
import type { SegmentCriteria } from "./segment-name";
import { DEFAULT_USAGE_TIERS, UsageTiersDefinitionSchema, describeUsageTiersCriteria, type UsageTiersDefinition } from "./usage-tiers";

export interface DefinitionByModel {
  "behavior-rules": BehaviorRulesDefinition;
  rfm: RfmDefinition;
  lifecycle: LifecycleDefinition;
  "usage-tiers": UsageTiersDefinition;
  "churn-risk": ChurnRiskDefinition;
  "engagement-score": EngagementScoreDefinition;
  pql: PqlDefinition;
  intent: IntentDefinition;
  clusters: ClustersDefinition;
}

export type ModelId = keyof DefinitionByModel;
export type AnyDefinition = DefinitionByModel[ModelId];
/** Models without a built-in definition: theirs only come from saving a result (centroids mean nothing on other data). */
export type SavedOnlyModelId = "clusters";
export type BuiltInModelId = Exclude<ModelId, SavedOnlyModelId>;
type DefaultDefinitionOf<Id extends ModelId> = Id extends SavedOnlyModelId ? null : DefinitionByModel[Id];

export interface SegmentationModel<Id extends ModelId = ModelId> {
  id: Id;
  name: string;
  description: string;
  /** Every threshold at its default; null when the model has none (a saved definition is required). */
  defaultDefinition: DefaultDefinitionOf<Id>;
  schema: z.ZodType<DefinitionByModel[Id]>;
  /** Each segment's criteria in plain words, in segment order. */
  describeCriteria(definition: DefinitionByModel[Id]): SegmentCriteria[];
}

/** In the order a model picker shows them; behavior rules is the default view. */
export const MODELS: { [Id in ModelId]: SegmentationModel<Id> } = {
  "behavior-rules": {
    id: "behavior-rules",
    name: "Behavior rules",
    description: "Ordered rules on behavior features; each user gets the first rule that matches (churned, dormant, new, power users …).",
    defaultDefinition: DEFAULT_BEHAVIOR_RULES,
    schema: BehaviorRulesDefinitionSchema,
    describeCriteria: describeBehaviorRulesCriteria,
  },
  rfm: {
    id: "rfm",
    name: "RFM",
    description: "Recency, frequency and monetary value scored 1–5 against the whole population; segments from the classic R × F grid.",
    defaultDefinition: DEFAULT_RFM,
    schema: RfmDefinitionSchema,
    describeCriteria: describeRfmCriteria,
  },
  lifecycle: {
    id: "lifecycle",
    name: "Lifecycle stages",
    description: "New, activated, engaged, at risk, dormant, churned or resurrected, as of the date.",
    defaultDefinition: DEFAULT_LIFECYCLE,
    schema: LifecycleDefinitionSchema,
    describeCriteria: describeLifecycleCriteria,
  },
  "usage-tiers": {
    id: "usage-tiers",
    name: "Usage tiers",
    description: "Power, average and light users by a usage metric, ranked among active users; ex-users had no activity in the window.",
    defaultDefinition: DEFAULT_USAGE_TIERS,
    schema: UsageTiersDefinitionSchema,
    describeCriteria: describeUsageTiersCriteria,
  },
  "churn-risk": {
    id: "churn-risk",
    name: "Churn risk",
    description: "High, medium or low risk from days without activity and a drop against the user's own usual activity.",
    defaultDefinition: DEFAULT_CHURN_RISK,
    schema: ChurnRiskDefinitionSchema,
    describeCriteria: describeChurnRiskCriteria,
  },
  "engagement-score": {
    id: "engagement-score",
    name: "Engagement score",
    description: "A weighted average of z-scored usage metrics, weighted by how well each predicts conversion; split into tiers.",
    defaultDefinition: DEFAULT_ENGAGEMENT_SCORE,
    schema: EngagementScoreDefinitionSchema,
    describeCriteria: describeEngagementScoreCriteria,
  },
  pql: {
    id: "pql",
    name: "Product-qualified leads",
    description: "Users whose product behavior qualifies them for a sales conversation: all criteria met, or enough points.",
    defaultDefinition: DEFAULT_PQL,
    schema: PqlDefinitionSchema,
    describeCriteria: describePqlCriteria,
  },
  intent: {
    id: "intent",
    name: "Intent",
    description: "Points per buying signal (pricing views, demo replays, invites; minus for skipped onboarding), banded high, medium, low.",
    defaultDefinition: DEFAULT_INTENT,
    schema: IntentDefinitionSchema,
    describeCriteria: describeIntentCriteria,
  },
  clusters: {
    id: "clusters",
    name: "Clusters",
    description:
      "A saved clustering: each user joins the cluster whose saved centroid is nearest, on the saved scale (log transform, mean, sd), so new users are scored as the clustered ones were.",
    defaultDefinition: null,
    schema: ClustersDefinitionSchema,
    describeCriteria: describeClustersCriteria,
  },
};

export const MODEL_IDS = Object.keys(MODELS) as ModelId[];
/** The models with a built-in default definition, in picker order. */
export const BUILT_IN_MODEL_IDS = MODEL_IDS.filter((id): id is BuiltInModelId => MODELS[id].defaultDefinition !== null);

/** The model's built-in definition, or null when it only has saved ones (see noBuiltInDefinitionMessage). */
export function builtInDefinition(modelId: ModelId): AnyDefinition | null {
  return MODELS[modelId].defaultDefinition;
}

/**
 * What to tell someone who asked for a model's default when it has none.
 * @example noBuiltInDefinitionMessage("clusters")
 *   // "The Clusters model has no built-in definition: save a clustering from the Clusters tab first, then name it."
 */
export function noBuiltInDefinitionMessage(modelId: ModelId): string {
  return `The ${MODELS[modelId].name} model has no built-in definition: save a clustering from the Clusters tab first, then name it.`;
}

export function isModelId(value: string): value is ModelId {
  return Object.hasOwn(MODELS, value);
}

export type DefinitionValidation<Definition> = { ok: true; definition: Definition } | { ok: false; errors: string[] };

/**
 * Parses and checks a definition (JSON from the editor, the API or a file).
 * @example validateDefinition("behavior-rules", { rules: [], fallback: "Casual" })
 *   // { ok: false, errors: ["Rules needs at least 1 entry"] }
 */
export function validateDefinition<Id extends ModelId>(modelId: Id, json: unknown): DefinitionValidation<DefinitionByModel[Id]>;
export function validateDefinition(modelId: string, json: unknown): DefinitionValidation<AnyDefinition>;
export function validateDefinition(modelId: string, json: unknown): DefinitionValidation<AnyDefinition> {
  if (!isModelId(modelId)) {
    return { ok: false, errors: [`Unknown model "${modelId}"; expected one of ${MODEL_IDS.map((id) => `"${id}"`).join(", ")}`] };
  }
  const schema: z.ZodType<AnyDefinition> = MODELS[modelId].schema;
  const parsed = schema.safeParse(json, { reportInput: true });
  if (parsed.success) return { ok: true, definition: parsed.data };
  return { ok: false, errors: definitionErrors(parsed.error, json) };
}
