import { z } from "zod";
import { DimensionFiltersSchema } from "../definitions/dimension-filters";
import { segmentScopeSchema } from "./segment-scope.types";

// Request and response shapes of POST /api/datasets/[name]/segments (and
// `strata segments --json`). No database imports: the browser imports this file.

export const computeSegmentsRequestSchema = segmentScopeSchema.extend({
  /**
   * Compute behavior notes (medians, conversion lift). They cost more than the
   * sizes on large datasets; a slider preview may ask without them and fetch
   * them when the user stops dragging.
   */
  notes: z.boolean().default(true),
});
export type ComputeSegmentsRequest = z.infer<typeof computeSegmentsRequestSchema>;
export type ComputeSegmentsRequestInput = z.input<typeof computeSegmentsRequestSchema>;

export const segmentSummarySchema = z.object({
  /** Position in the definition (rule order, grid list …): the stable row and color order. */
  index: z.number().int(),
  name: z.string(),
  /** The definition's criteria in plain words: "> 5 sessions/week and ≥ 3 core features". */
  criteria: z.string(),
  /** Users of this segment among the filtered users. */
  users: z.number().int(),
  /** users / filteredUsers × 100 (0 when no user is in view). */
  percent: z.number(),
  /** "Typical user: …", "Converts 3.1× the average (…)", "2.0% cancelled"; [] when notes were not asked for. */
  behaviorNotes: z.array(z.string()),
  /** From the playbook; null when it has no action for this segment. */
  suggestedAction: z.string().nullable(),
});
export type SegmentSummary = z.infer<typeof segmentSummarySchema>;

export const computeSegmentsResponseSchema = z.object({
  datasetName: z.string(),
  modelId: z.string(),
  /** The validated definition that was scored (defaults filled in). */
  definition: z.unknown(),
  /** The saved definition's name and version; both null for an unsaved (posted or default) definition. */
  definitionName: z.string().nullable(),
  definitionVersion: z.number().int().nullable(),
  /** The features' as-of instant (ISO, exclusive: events before it count). */
  asOf: z.string(),
  /** The last day whose events count (YYYY-MM-DD in the dataset's timezone). */
  asOfDay: z.string(),
  timezone: z.string(),
  featuresRefreshId: z.number().int(),
  /** When the features were computed (ISO). */
  featuresRefreshedAt: z.string(),
  /** Events arrived after the features were computed: the numbers are stale until a refresh. */
  stale: z.boolean(),
  totalUsers: z.number().int(),
  filteredUsers: z.number().int(),
  filters: DimensionFiltersSchema,
  segments: z.array(segmentSummarySchema),
  /** Plain-language notes about the data (a feature the dataset lacks, stale features …). */
  warnings: z.array(z.string()),
  /** Server time spent scoring (ms) and, when this request loaded the features from the database, that load. */
  timings: z.object({ scoreMs: z.number(), totalMs: z.number(), featureLoadMs: z.number() }),
});
export type ComputeSegmentsResponse = z.infer<typeof computeSegmentsResponseSchema>;
