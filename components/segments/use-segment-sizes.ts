"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { computeSegmentsResponseSchema, type ComputeSegmentsRequestInput } from "@/lib/segments/compute-segments.types";
import { postApi } from "./post-api";
import { segmentQueryKeys } from "./segment-query-keys";

/**
 * POST /api/datasets/[name]/segments — segment sizes, criteria, notes and
 * actions. `null` waits (an invalid draft is not sent). The previous answer
 * stays on screen while the next one loads, so the table does not flash as a
 * slider moves.
 */
export function useSegmentSizes(datasetName: string, request: ComputeSegmentsRequestInput | null) {
  return useQuery({
    queryKey: segmentQueryKeys.sizes(datasetName, request ?? {}),
    queryFn: ({ signal }) => postApi(`${datasetApiPath(datasetName)}/segments`, request, computeSegmentsResponseSchema, signal),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    // A recount is cheap and the features may have been refreshed: never serve a stale answer for long.
    staleTime: 5_000,
  });
}
