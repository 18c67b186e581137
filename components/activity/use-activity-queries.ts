"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { eventNamesResponseSchema } from "@/lib/datasets/event-names.types";
import { fetchApi } from "@/lib/http/fetch-api";
import { lifecycleResultSchema } from "@/lib/lifecycle/lifecycle.types";
import { stickinessResultSchema } from "@/lib/stickiness/stickiness.types";
import type { ActivityUrlState } from "./use-activity-url-state";

// Keys follow queryKeys' `[resource, dataset, params]` shape, so invalidateDataset() after an ingest reaches them too.

/** The API URL of the lifecycle chart for the page's state. */
export function lifecycleApiUrl(datasetName: string, state: Pick<ActivityUrlState, "interval" | "periods" | "event">): string {
  const search = new URLSearchParams({ interval: state.interval, periods: String(state.periods) });
  if (state.event) search.set("event", state.event);
  return `${datasetApiPath(datasetName)}/lifecycle?${search}`;
}

/** The API URL of the stickiness charts for the page's state. */
export function stickinessApiUrl(datasetName: string, state: Pick<ActivityUrlState, "days" | "event">): string {
  const search = new URLSearchParams({ days: String(state.days) });
  if (state.event) search.set("event", state.event);
  return `${datasetApiPath(datasetName)}/stickiness?${search}`;
}

export function useLifecycle(datasetName: string, state: ActivityUrlState) {
  const params = { interval: state.interval, periods: state.periods, event: state.event ?? null };
  return useQuery({
    queryKey: ["lifecycle", datasetName, params],
    queryFn: ({ signal }) => fetchApi(lifecycleApiUrl(datasetName, state), lifecycleResultSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStickiness(datasetName: string, state: ActivityUrlState) {
  const params = { days: state.days, event: state.event ?? null };
  return useQuery({
    queryKey: ["stickiness", datasetName, params],
    queryFn: ({ signal }) => fetchApi(stickinessApiUrl(datasetName, state), stickinessResultSchema, signal),
    placeholderData: keepPreviousData,
  });
}

/** The dataset's event names, for the activity picker. */
export function useEventNames(datasetName: string) {
  return useQuery({
    queryKey: ["event-names", datasetName, {}],
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/event-names`, eventNamesResponseSchema, signal),
  });
}
