"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import { segmentMembersResponseSchema } from "@/lib/segments/segment-members.types";
import { segmentQueryKeys } from "./segment-query-keys";

/**
 * GET /api/datasets/[name]/segments/members?… — one page of a segment's users.
 * `query` is the full query string (scope + segment + paging), null to wait.
 */
export function useSegmentMembers(datasetName: string, query: string | null) {
  return useQuery({
    queryKey: segmentQueryKeys.members(datasetName, query ?? ""),
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/segments/members?${query}`, segmentMembersResponseSchema, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
