"use client";

import { useQuery } from "@tanstack/react-query";
import { ingestJobListSchema } from "@/lib/datasets/list-ingest-jobs.types";
import { fetchApi } from "@/lib/http/fetch-api";
import { datasetApiPath } from "./dataset-path";
import { queryKeys } from "./query-keys";

/** GET /api/datasets/[name]/jobs — polls every 2 s while a job is still running. */
export function useIngestJobs(datasetName: string) {
  return useQuery({
    queryKey: queryKeys.ingestJobs(datasetName),
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/jobs`, ingestJobListSchema, signal),
    refetchInterval: (query) => (query.state.data?.jobs.some((job) => job.status === "running") ? 2000 : false),
  });
}
