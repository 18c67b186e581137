/**
 * The columns that show why a user is in their segment: the features a
 * definition reads (in the order it reads them), the model's scores, and the
 * event counts intent and PQL add up. Member lists, their sort keys and CSV
 * exports all use this one list. No I/O: runs wherever the scoring runs.
 */
import { churnRiskRules } from "../definitions/churn-risk";
import { FEATURES, type FeatureName } from "../definitions/features";
import { lifecycleRules } from "../definitions/lifecycle";
import type { BehaviorRulesDefinition } from "../definitions/behavior-rules";
import type { AnyDefinition, DefinitionByModel, ModelId } from "../definitions/models";
import { isEventCondition } from "../definitions/pql";
import type { FeatureStore } from "../scoring/feature-store";
import type { RfmSegmentation } from "../scoring/rfm";
import type { Segmentation } from "../scoring/segmentation";

export type MembershipColumn =
  | { key: FeatureName; kind: "feature"; label: string; description: string }
  | { key: "score" | "recencyScore" | "frequencyScore" | "monetaryScore"; kind: "score"; label: string; description: string }
  | { key: `event:${string}`; kind: "eventCount"; event: string; label: string; description: string };

function featureColumn(feature: FeatureName): MembershipColumn {
  return { key: feature, kind: "feature", label: FEATURES[feature].label, description: FEATURES[feature].description };
}

function eventColumn(event: string): MembershipColumn {
  return {
    key: `event:${event}`,
    kind: "eventCount",
    event,
    label: `“${event}” events`,
    description: `How often the user did “${event}” before the as-of date.`,
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function ruleFeatures(definition: BehaviorRulesDefinition): FeatureName[] {
  return unique(definition.rules.flatMap((rule) => rule.conditions.map((condition) => condition.feature)));
}

/** Event names whose per-user counts a definition needs (intent signals, PQL event criteria). */
export function definitionEvents(modelId: ModelId, definition: AnyDefinition): string[] {
  if (modelId === "intent") return unique((definition as DefinitionByModel["intent"]).signals.map((signal) => signal.event));
  if (modelId === "pql") {
    return unique(
      (definition as DefinitionByModel["pql"]).criteria.flatMap((criterion) => (isEventCondition(criterion.when) ? [criterion.when.event] : [])),
    );
  }
  return [];
}

/**
 * The columns behind a model's segments, scores first.
 * @example membershipColumns("behavior-rules", DEFAULT_BEHAVIOR_RULES).map((c) => c.key)
 *   // ["cancelled", "recencyDays", "ageDays", "sessionsTotal", "sessionsPerWeek", "coreFeaturesUsed", "activeDays30d"]
 */
export function membershipColumns(modelId: ModelId, definition: AnyDefinition): MembershipColumn[] {
  switch (modelId) {
    case "behavior-rules":
      return ruleFeatures(definition as DefinitionByModel["behavior-rules"]).map(featureColumn);
    case "lifecycle":
      return ruleFeatures(lifecycleRules(definition as DefinitionByModel["lifecycle"])).map(featureColumn);
    case "churn-risk":
      return ruleFeatures(churnRiskRules(definition as DefinitionByModel["churn-risk"])).map(featureColumn);
    case "rfm":
      return [
        { key: "recencyScore", kind: "score", label: "R score", description: "Recency score 1–5 (5 = most recent); 0 = not scored." },
        { key: "frequencyScore", kind: "score", label: "F score", description: "Frequency score 1–5 (5 = most frequent); 0 = not scored." },
        { key: "monetaryScore", kind: "score", label: "M score", description: "Monetary score 1–5 (5 = highest value); 0 = not scored." },
        { key: "score", kind: "score", label: "RFM cell", description: "R·100 + F·10 + M, e.g. 545." },
        featureColumn("recencyDays"),
        featureColumn("frequency"),
        featureColumn("monetary"),
      ];
    case "usage-tiers": {
      const { metric } = definition as DefinitionByModel["usage-tiers"];
      return [
        {
          key: "score",
          kind: "score",
          label: `Percent rank by ${FEATURES[metric].label.toLowerCase()}`,
          description: "PERCENT_RANK() of the metric among active users (0–1); empty for ex-users.",
        },
        ...unique<FeatureName>([metric, "recencyDays"]).map(featureColumn),
      ];
    }
    case "engagement-score":
      return [
        { key: "score", kind: "score", label: "Engagement score", description: "Weighted average of the metrics' z-scores (0 = typical user)." },
        ...(definition as DefinitionByModel["engagement-score"]).metrics.map(featureColumn),
      ];
    case "pql": {
      const pql = definition as DefinitionByModel["pql"];
      const features = unique(pql.criteria.flatMap((criterion) => (isEventCondition(criterion.when) ? [] : [criterion.when.feature])));
      return [
        {
          key: "score",
          kind: "score",
          label: pql.mode === "points" ? "PQL points" : "Criteria met",
          description: pql.mode === "points" ? "Points of the criteria the user meets." : "How many of the criteria the user meets.",
        },
        ...features.map(featureColumn),
        ...definitionEvents("pql", pql).map(eventColumn),
      ];
    }
    case "intent":
      return [
        { key: "score", kind: "score", label: "Intent score", description: "Sum of the signals' points (each capped at its maximum count)." },
        ...definitionEvents("intent", definition).map(eventColumn),
      ];
    case "clusters":
      return [
        {
          key: "score",
          kind: "score",
          label: "Distance to centroid",
          description: "Distance to the cluster's saved centroid in standardized units (sd); empty when not clustered.",
        },
        ...(definition as DefinitionByModel["clusters"]).features.map(({ feature }) => featureColumn(feature)),
      ];
  }
}

/** A column's values over the store's users (NaN = no value), for sorting and export. */
export function membershipValues(column: MembershipColumn, store: FeatureStore, segmentation: Segmentation): ArrayLike<number> {
  switch (column.kind) {
    case "feature":
      return store.columns[column.key];
    case "eventCount":
      return store.eventCounts?.[column.event] ?? new Float64Array(store.size);
    case "score": {
      if (column.key === "score") return segmentation.scores ?? new Float64Array(store.size).fill(Number.NaN);
      const rfm = segmentation as Partial<RfmSegmentation>;
      const scores = column.key === "recencyScore" ? rfm.recencyScores : column.key === "frequencyScore" ? rfm.frequencyScores : rfm.monetaryScores;
      return scores ?? new Float64Array(store.size).fill(Number.NaN);
    }
  }
}
