/**
 * Segment sizes, criteria, behavior notes and suggested actions for one
 * definition over a dataset's cached features: the segment table of the
 * explorer, `strata segments` and POST /api/datasets/[name]/segments.
 */
import type { Db } from "../db/db";
import { suggestedAction } from "../definitions/playbook";
import { behaviorNotes } from "../scoring/behavior-notes";
import { segmentSizes } from "../scoring/segment-sizes";
import type { ComputeSegmentsRequestInput, ComputeSegmentsResponse } from "./compute-segments.types";
import { computeSegmentsRequestSchema } from "./compute-segments.types";
import { scoreScope } from "./segment-scope";

/**
 * @throws NotFoundError (dataset, saved definition), DefinitionValidationError
 *   (the definition's messages), SegmentsRequestError (no features yet, an
 *   as-of the features were not computed for).
 * @example
 *   await computeSegments(db, "demo-saas", { modelId: "behavior-rules", filters: { channel: ["social"] } })
 *   // { definitionVersion: null, totalUsers: 5000, filteredUsers: 1012, segments: [{ name: "Churned", users: 130, percent: 12.8, … }, …] }
 */
export async function computeSegments(db: Db, datasetName: string, request: ComputeSegmentsRequestInput): Promise<ComputeSegmentsResponse> {
  const started = performance.now();
  const { notes, ...scope } = computeSegmentsRequestSchema.parse(request);
  const scored = await scoreScope(db, datasetName, scope);
  const mask = scored.filterMask ?? undefined;
  const sizes = segmentSizes(scored.segmentation, mask);
  const notesStarted = performance.now();
  const behavior = notes ? behaviorNotes(scored.store, scored.segmentation, mask ? { filterMask: mask } : {}) : null;
  const scoreMs = scored.scoreMs + (performance.now() - notesStarted);
  const { features } = scored;
  return {
    datasetName: features.datasetName,
    modelId: scored.modelId,
    definition: scored.definition,
    definitionName: scored.saved?.name ?? null,
    definitionVersion: scored.saved?.version ?? null,
    asOf: features.asOf.toISOString(),
    asOfDay: scored.asOfDay,
    timezone: features.timezone,
    featuresRefreshId: features.refreshId,
    featuresRefreshedAt: features.refreshedAt.toISOString(),
    stale: features.eventsSinceRefresh,
    totalUsers: scored.store.size,
    filteredUsers: sizes.filteredUsers,
    filters: scored.filters,
    segments: sizes.segments.map((size) => ({
      index: size.index,
      name: size.segment,
      criteria: scored.criteria.get(size.segment) ?? "",
      users: size.users,
      percent: size.share * 100,
      behaviorNotes: behavior?.segments[size.index]?.notes ?? [],
      suggestedAction: suggestedAction(scored.playbook, size.segment),
    })),
    warnings: scored.warnings,
    timings: { scoreMs, totalMs: performance.now() - started, featureLoadMs: features.loadMs },
  };
}
