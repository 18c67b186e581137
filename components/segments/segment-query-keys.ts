import type { ComputeSegmentsRequestInput } from "@/lib/segments/compute-segments.types";

/**
 * Query keys of the segment explorer, `[resource, dataset, params]` like
 * components/datasets/query-keys.ts, so invalidateDataset (after an ingest)
 * reaches them too. The params are derived from the URL state.
 */
export const segmentQueryKeys = {
  sizes: (datasetName: string, request: ComputeSegmentsRequestInput) => ["segment-sizes", datasetName, request] as const,
  definitions: (datasetName: string, modelId: string) => ["segment-definitions", datasetName, { modelId }] as const,
  members: (datasetName: string, query: string) => ["segment-members", datasetName, { query }] as const,
};
