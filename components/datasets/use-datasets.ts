"use client";

import { useQuery } from "@tanstack/react-query";
import { datasetListSchema } from "@/lib/datasets/list-datasets.types";
import { fetchApi } from "@/lib/http/fetch-api";
import { queryKeys } from "./query-keys";

/** GET /api/datasets */
export function useDatasets() {
  return useQuery({
    queryKey: queryKeys.datasets(),
    queryFn: ({ signal }) => fetchApi("/api/datasets", datasetListSchema, signal),
  });
}
