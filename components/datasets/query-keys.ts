import type { QueryClient } from "@tanstack/react-query";
import type { UserListQuery } from "@/lib/datasets/list-dataset-users.types";
import type { RetentionQuery } from "@/lib/retention/retention.types";

/**
 * Query keys are `[resource, dataset, params]`, so everything about one dataset
 * can be invalidated at once (after an ingest) without knowing every resource.
 */
export const queryKeys = {
  datasets: () => ["datasets"] as const,
  datasetUsers: (datasetName: string, params: UserListQuery) => ["dataset-users", datasetName, params] as const,
  retention: (datasetName: string, params: RetentionQuery) => ["retention", datasetName, params] as const,
  ingestJobs: (datasetName: string) => ["ingest-jobs", datasetName, {}] as const,
};

/** After new data lands in a dataset: the list and every query about that dataset are stale. */
export function invalidateDataset(queryClient: QueryClient, datasetName: string): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === "datasets" || query.queryKey[1] === datasetName,
  });
}
