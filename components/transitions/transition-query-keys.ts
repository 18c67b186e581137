import type { TransitionsQuery } from "@/lib/snapshots/snapshot.types";

/**
 * Keys are `[resource, dataset, params]` like components/datasets/query-keys.ts,
 * so invalidateDataset (after an ingest) reaches these too.
 */
export const transitionQueryKeys = {
  /** Same key as the funnel and retention-curve pickers: one request serves every page. */
  definitions: (datasetName: string) => ["definitions", datasetName, { modelId: "all" }] as const,
  snapshots: (datasetName: string, definition: string) => ["snapshots", datasetName, { definition }] as const,
  transitions: (datasetName: string, query: TransitionsQuery) => ["transitions", datasetName, query] as const,
};
