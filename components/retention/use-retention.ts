"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { queryKeys } from "@/components/datasets/query-keys";
import { fetchApi } from "@/lib/http/fetch-api";
import { retentionMatrixSchema, type RetentionQuery } from "@/lib/retention/retention.types";

/** The API URL of a retention matrix (also the JSON link under the table). */
export function retentionApiUrl(datasetName: string, params: RetentionQuery): string {
  const search = new URLSearchParams({ cohort: params.cohort, period: params.period, periods: String(params.periods), mode: params.mode });
  return `${datasetApiPath(datasetName)}/retention?${search}`;
}

/** GET /api/datasets/[name]/retention, keyed by dataset and parameters. */
export function useRetention(datasetName: string, params: RetentionQuery) {
  return useQuery({
    queryKey: queryKeys.retention(datasetName, params),
    queryFn: ({ signal }) => fetchApi(retentionApiUrl(datasetName, params), retentionMatrixSchema, signal),
    placeholderData: keepPreviousData,
  });
}
