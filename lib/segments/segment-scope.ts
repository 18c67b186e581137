/**
 * Resolves and scores one segments request (model, definition, filters,
 * as-of) over the cached features: the one path that sizes, member lists and
 * exports share, so the three always agree on who is in a segment.
 */
import type { Db } from "../db/db";
import { asOfDay } from "../features/as-of";
import type { DimensionFilters } from "../definitions/dimension-filters";
import { MODELS, builtInDefinition, isModelId, noBuiltInDefinitionMessage, validateDefinition, type AnyDefinition, type ModelId } from "../definitions/models";
import { DEFAULT_PLAYBOOK, type Playbook } from "../definitions/playbook";
import type { SegmentCriteria } from "../definitions/segment-name";
import type { FeatureStore } from "../scoring/feature-store";
import { dimensionFilterMask, maskCount } from "../scoring/filter-mask";
import type { RfmOptions } from "../scoring/rfm";
import { scoreModel } from "../scoring/score-model";
import type { Segmentation } from "../scoring/segmentation";
import { getDatasetFeatures, withEventCounts, type DatasetFeatures } from "./feature-cache";
import { definitionEvents } from "./membership-columns";
import { getDefinitionVersion } from "./segment-definitions";
import type { DefinitionVersion } from "./segment-definitions.types";
import { DefinitionValidationError, SegmentsRequestError } from "./segment-errors";
import type { SegmentScope } from "./segment-scope.types";

export interface ScoredScope {
  features: DatasetFeatures;
  /** The features' store, with the event counts the definition reads. */
  store: FeatureStore;
  modelId: ModelId;
  /** The validated definition that was scored. */
  definition: AnyDefinition;
  /** The saved version scored, or null for a posted (unsaved) or default definition. */
  saved: DefinitionVersion | null;
  segmentation: Segmentation;
  /** Users the filters select (1) — null when there are no filters (everyone). */
  filterMask: Uint8Array | null;
  filteredUsers: number;
  filters: DimensionFilters;
  /** Default playbook, overlaid by the saved version's, overlaid by the request's. */
  playbook: Playbook;
  /** Each segment's criteria in plain words. */
  criteria: ReadonlyMap<string, string>;
  /** The as-of day (YYYY-MM-DD, dataset timezone): the last day whose events count. */
  asOfDay: string;
  warnings: string[];
  scoreMs: number;
}

// scoreModel and describeCriteria are typed per model; a validated (modelId, definition) pair is consistent by construction.
const scoreAnyModel = scoreModel as (modelId: ModelId, store: FeatureStore, definition: AnyDefinition, options: RfmOptions) => Segmentation;
const describeAnyCriteria = (modelId: ModelId, definition: AnyDefinition): SegmentCriteria[] =>
  (MODELS[modelId].describeCriteria as (definition: AnyDefinition) => SegmentCriteria[])(definition);

function hasFilters(filters: DimensionFilters): boolean {
  return Object.values(filters).some((values) => values !== undefined);
}

function validated(modelId: string, json: unknown): { modelId: ModelId; definition: AnyDefinition } {
  const checked = validateDefinition(modelId, json);
  if (!checked.ok || !isModelId(modelId)) throw new DefinitionValidationError(checked.ok ? [] : checked.errors);
  return { modelId, definition: checked.definition };
}

/**
 * The requested as-of must be the one the stored features were computed for:
 * window features (recency, sessions in the last 30 days) belong to that date.
 */
function checkAsOf(requested: string | undefined, features: DatasetFeatures, day: string): void {
  if (requested === undefined) return;
  const matches = /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested === day : Date.parse(requested) === features.asOf.getTime();
  if (matches) return;
  throw new SegmentsRequestError(
    "as_of_unavailable",
    `The features of "${features.datasetName}" are computed as of ${day} (end of that day, ${features.timezone}); ` +
      `segments as of ${requested} need the features refreshed for that date first (strata refresh --dataset ${features.datasetName} --as-of …).`,
  );
}

export async function scoreScope(db: Db, datasetName: string, scope: SegmentScope): Promise<ScoredScope> {
  if (scope.definition !== undefined && scope.definitionRef !== undefined) {
    throw new SegmentsRequestError("invalid_request", "Send either a definition or a definitionRef (a saved definition), not both.");
  }
  if (!isModelId(scope.modelId)) validated(scope.modelId, null); // throws the "Unknown model" message
  const saved = scope.definitionRef ? await getDefinitionVersion(db, datasetName, scope.modelId, scope.definitionRef) : null;
  const json = saved ? saved.definition : scope.definition !== undefined ? scope.definition : builtInDefinition(scope.modelId as ModelId);
  if (json === null) throw new SegmentsRequestError("definition_required", noBuiltInDefinitionMessage(scope.modelId as ModelId));
  const { modelId, definition } = validated(scope.modelId, json);

  const features = await getDatasetFeatures(db, datasetName);
  const day = asOfDay(features.asOf, features.timezone);
  checkAsOf(scope.asOf, features, day);
  const store = await withEventCounts(db, features, definitionEvents(modelId, definition));

  const started = performance.now();
  const filterMask = hasFilters(scope.filters) ? dimensionFilterMask(store, scope.filters) : null;
  const segmentation = scoreAnyModel(modelId, store, definition, filterMask ? { filterMask } : {});
  const scoreMs = performance.now() - started;

  const warnings = [...segmentation.warnings];
  if (features.eventsSinceRefresh) {
    warnings.push(
      `Events were loaded after these features were computed (${features.refreshedAt.toISOString()}): the segments are stale until the features are refreshed.`,
    );
  }
  return {
    features,
    store,
    modelId,
    definition,
    saved,
    segmentation,
    filterMask,
    filteredUsers: filterMask ? maskCount(filterMask) : store.size,
    filters: scope.filters,
    playbook: { ...DEFAULT_PLAYBOOK, ...(saved?.playbook ?? {}), ...(scope.playbook ?? {}) },
    criteria: new Map(describeAnyCriteria(modelId, definition).map((entry) => [entry.segment, entry.criteria])),
    asOfDay: day,
    warnings,
    scoreMs,
  };
}

/** The index of a segment by name (case and surrounding spaces ignored), or a 404 listing the segments. */
export function segmentIndex(scored: ScoredScope, segment: string): number {
  const { segments } = scored.segmentation;
  const exact = segments.indexOf(segment);
  if (exact >= 0) return exact;
  const wanted = segment.trim().toLowerCase();
  const index = segments.findIndex((name) => name.trim().toLowerCase() === wanted);
  if (index >= 0) return index;
  throw new SegmentsRequestError(
    "invalid_request",
    `There is no segment "${segment}" in this definition; its segments are ${segments.map((name) => `"${name}"`).join(", ")}.`,
  );
}
