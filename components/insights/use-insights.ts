"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import { insightsSchema, type Outcome } from "@/lib/insights/insights.types";

export interface InsightsParams {
  outcome: Outcome;
  days: number;
  window: number;
}

export function insightsApiUrl(datasetName: string, params: InsightsParams): string {
  const search = new URLSearchParams({ outcome: params.outcome, days: String(params.days), window: String(params.window) });
  return `${datasetApiPath(datasetName)}/insights?${search}`;
}

/** GET /api/datasets/[name]/insights, keyed `[resource, dataset, params]`. */
export function useInsights(datasetName: string, params: InsightsParams) {
  return useQuery({
    queryKey: ["insights", datasetName, params],
    queryFn: ({ signal }) => fetchApi(insightsApiUrl(datasetName, params), insightsSchema, signal),
    placeholderData: keepPreviousData,
  });
}
