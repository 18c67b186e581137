"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import { timeToConvertSchema } from "@/lib/time-to-convert/time-to-convert.types";

export interface TimeToConvertParams {
  groupBy: string;
  days: number;
}

export function timeToConvertApiUrl(datasetName: string, params: TimeToConvertParams): string {
  return `${datasetApiPath(datasetName)}/time-to-convert?${new URLSearchParams({ groupBy: params.groupBy, days: String(params.days) })}`;
}

/** GET /api/datasets/[name]/time-to-convert, keyed `[resource, dataset, params]`. */
export function useTimeToConvert(datasetName: string, params: TimeToConvertParams) {
  return useQuery({
    queryKey: ["time-to-convert", datasetName, params],
    queryFn: ({ signal }) => fetchApi(timeToConvertApiUrl(datasetName, params), timeToConvertSchema, signal),
    placeholderData: keepPreviousData,
  });
}
