"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import { retentionCurvesSchema } from "@/lib/retention-curves/retention-curves.types";
import type { RetentionQuery } from "@/lib/retention/retention.types";

export interface RetentionCurvesParams {
  groupBy: string;
  period: RetentionQuery["period"];
  periods: number;
  mode: RetentionQuery["mode"];
}

export function retentionCurvesApiUrl(datasetName: string, params: RetentionCurvesParams): string {
  const search = new URLSearchParams({ groupBy: params.groupBy, period: params.period, periods: String(params.periods), mode: params.mode });
  return `${datasetApiPath(datasetName)}/retention/curves?${search}`;
}

/** GET /api/datasets/[name]/retention/curves, keyed `[resource, dataset, params]` so an ingest invalidates it. */
export function useRetentionCurves(datasetName: string, params: RetentionCurvesParams) {
  return useQuery({
    queryKey: ["retention-curves", datasetName, params],
    queryFn: ({ signal }) => fetchApi(retentionCurvesApiUrl(datasetName, params), retentionCurvesSchema, signal),
    placeholderData: keepPreviousData,
  });
}
