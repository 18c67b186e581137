import { z } from "zod";

// Response shape of GET /api/models. No database imports: the browser imports this file.

export const modelSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** Every threshold at its default: the starting point of the editor and of `strata segments`; null when the model only has saved definitions (clusters). */
  defaultDefinition: z.unknown(),
  /** The default definition's segments in order, with their criteria in plain words. */
  segments: z.array(z.object({ name: z.string(), criteria: z.string() })),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const modelListSchema = z.object({
  /** In picker order; the first (behavior rules) is the default view. */
  models: z.array(modelSummarySchema),
  /** Suggested action per segment name, used where a saved definition has no playbook of its own. */
  defaultPlaybook: z.record(z.string(), z.string()),
});
export type ModelList = z.infer<typeof modelListSchema>;
