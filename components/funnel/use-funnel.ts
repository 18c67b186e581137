"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import { dropOffPageSchema, funnelResultSchema, funnelSearchParams, type FunnelQuery } from "@/lib/funnel/funnel.types";

/** The API URL of a funnel (also linked under the chart). */
export function funnelApiUrl(datasetName: string, query: FunnelQuery): string {
  return `${datasetApiPath(datasetName)}/funnel?${funnelSearchParams(query)}`;
}

/** The API URL of one drop-off's users: a JSON page, or all of them as CSV. */
export function dropOffApiUrl(
  datasetName: string,
  query: FunnelQuery,
  dropOff: { after: number; series: string; page?: number; pageSize?: number; format?: "csv" },
): string {
  const search = funnelSearchParams(query);
  search.set("after", String(dropOff.after));
  search.set("series", dropOff.series);
  if (dropOff.page) search.set("page", String(dropOff.page));
  if (dropOff.pageSize) search.set("pageSize", String(dropOff.pageSize));
  if (dropOff.format) search.set("format", dropOff.format);
  return `${datasetApiPath(datasetName)}/funnel/dropoff?${search}`;
}

// Keys are [resource, dataset, params] like components/datasets/query-keys.ts, so an ingest's
// invalidateDataset() refreshes funnels too.

/** GET /api/datasets/[name]/funnel; disabled until the steps make a valid query. */
export function useFunnel(datasetName: string, query: FunnelQuery | null) {
  return useQuery({
    queryKey: ["funnel", datasetName, query],
    queryFn: ({ signal }) => fetchApi(funnelApiUrl(datasetName, query!), funnelResultSchema, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

const DROPOFF_PAGE_SIZE = 20;

/** One page of the users of a drop-off. */
export function useDropOffUsers(datasetName: string, query: FunnelQuery, dropOff: { after: number; series: string }, page: number) {
  return useQuery({
    queryKey: ["funnel-dropoff", datasetName, { query, dropOff, page }],
    queryFn: ({ signal }) => fetchApi(dropOffApiUrl(datasetName, query, { ...dropOff, page, pageSize: DROPOFF_PAGE_SIZE }), dropOffPageSchema, signal),
    placeholderData: keepPreviousData,
  });
}
