"use client";

import { useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { auditSchema } from "@/lib/audit/audit.types";
import { fetchApi } from "@/lib/http/fetch-api";

/** GET /api/datasets/[name]/audit, keyed `[resource, dataset, params]` so an ingest invalidates it. */
export function useAudit(datasetName: string) {
  return useQuery({
    queryKey: ["audit", datasetName, {}],
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/audit`, auditSchema, signal),
  });
}
