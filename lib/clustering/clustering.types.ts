/**
 * Request and response of POST /api/datasets/[name]/clusters, shared by the
 * API, the comparison code and any screen, so they cannot drift.
 */
import { z } from "zod";
import { FlagFeatureSchema, MetricFeatureSchema } from "../definitions/features";
import { ClusterMethodSchema, ClustersDefinitionSchema } from "../definitions/clusters";

/** Default clustering features: intensity, habit, breadth, recency and depth of use. */
export const DEFAULT_CLUSTER_FEATURES = [
  "sessionsPerWeek",
  "activeDays30d",
  "weeksActive12",
  "coreFeaturesUsed",
  "eventsPerActiveWeek",
  "recencyDays",
] as const;

export const clusterRequestSchema = z
  .object({
    features: z.array(MetricFeatureSchema).min(1).max(12).default([...DEFAULT_CLUSTER_FEATURES]),
    k: z.union([z.literal("auto"), z.number().int().min(2).max(10)]).default("auto"),
    outcome: FlagFeatureSchema.default("retained"),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  })
  .superRefine((request, context) => {
    if (new Set(request.features).size !== request.features.length) {
      context.addIssue({ code: "custom", path: ["features"], message: "A feature is listed twice" });
    }
  });
export type ClusterRequest = z.infer<typeof clusterRequestSchema>;

const outcomeRateSchema = z.object({
  /** Users of the cluster with a known outcome. */
  users: z.number().int().min(0),
  hits: z.number().int().min(0),
  /** hits / users; null when users = 0 (no rate). */
  rate: z.number().min(0).max(1).nullable(),
});

export const clusterTraitSchema = z.object({
  feature: z.string(),
  z: z.number(),
  value: z.number(),
  text: z.string(),
});

export const clusterSummarySchema = z.object({
  /** −1 = DBSCAN noise; clusters are numbered by size, largest first. */
  index: z.number().int().min(-1),
  name: z.string(),
  size: z.number().int().min(0),
  share: z.number().min(0).max(1),
  /** Standardized centroid, in feature order (empty for noise). */
  centroid: z.array(z.number()),
  /** Features by |z|, most distinguishing first. */
  traits: z.array(clusterTraitSchema),
  outcome: outcomeRateSchema,
});
export type ClusterSummary = z.infer<typeof clusterSummarySchema>;

export const chiSquareSchema = z.object({
  statistic: z.number(),
  df: z.number().int(),
  pValue: z.number().min(0).max(1),
  cramersV: z.number().min(0),
  n: z.number().int(),
});

export const verdictSchema = z.object({
  /** Silhouette ≥ TIDY_SILHOUETTE. */
  tidy: z.boolean(),
  /** The outcome differs across clusters: p < 0.05 and a spread ≥ USEFUL_SPREAD. */
  useful: z.boolean(),
  text: z.string(),
});

export const methodResultSchema = z.object({
  method: ClusterMethodSchema,
  k: z.number().int().min(0),
  silhouette: z.number().min(-1).max(1),
  /** Rows the silhouette was computed on (the shared sample less noise). */
  silhouetteSampleSize: z.number().int().min(0),
  /** Rows the method itself was fitted on (k-means: the restarts' sample; DBSCAN, Ward: their sample). */
  fitSampleSize: z.number().int().min(0),
  clusters: z.array(clusterSummarySchema),
  noise: z.number().int().min(0),
  outcomeTest: chiSquareSchema.nullable(),
  /** Highest − lowest outcome rate among clusters large enough to count (null with fewer than two). */
  outcomeSpread: z.number().min(0).max(1).nullable(),
  verdict: verdictSchema,
  /** Ready to save as a "clusters" segment definition; null when the method found no cluster (DBSCAN: all noise). */
  definition: ClustersDefinitionSchema.nullable(),
  ms: z.number().min(0).nullable(),
});
export type MethodResult = z.infer<typeof methodResultSchema>;

export const clusterComparisonSchema = z.object({
  features: z.array(z.object({ feature: z.string(), log: z.boolean(), mean: z.number(), sd: z.number() })),
  outcome: z.string(),
  users: z.number().int().min(0),
  /** Users left out: a chosen feature has no value for them. */
  missing: z.number().int().min(0),
  kChosen: z.enum(["auto", "fixed"]),
  kCurve: z.array(z.object({ k: z.number().int(), silhouette: z.number(), inertia: z.number() })),
  kmeans: methodResultSchema.extend({ iterations: z.number().int(), converged: z.boolean() }),
  ward: methodResultSchema.extend({ cutHeight: z.number() }),
  dbscan: methodResultSchema.extend({
    eps: z.number(),
    epsSuggested: z.number(),
    minPts: z.number().int(),
    corePoints: z.number().int(),
    kDistanceCurve: z.array(z.object({ share: z.number(), distance: z.number() })),
  }),
  /** The method to use, and why, in one sentence. */
  recommendation: z.object({ method: ClusterMethodSchema, text: z.string() }),
  warnings: z.array(z.string()),
});
export type ClusterComparison = z.infer<typeof clusterComparisonSchema>;

/** POST response: the comparison plus the dataset's refresh it was computed on. */
export const clusterResponseSchema = clusterComparisonSchema.extend({
  dataset: z.string(),
  asOf: z.string(),
});
export type ClusterResponse = z.infer<typeof clusterResponseSchema>;
