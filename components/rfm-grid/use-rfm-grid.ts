"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import { rfmCellMembersSchema, rfmGridSchema } from "@/lib/rfm-grid/rfm-grid.types";

function scopeParams(definitionName: string | null): URLSearchParams {
  const params = new URLSearchParams({ modelId: "rfm" });
  if (definitionName) params.set("definitionName", definitionName);
  return params;
}

/** GET /api/datasets/[name]/rfm-grid for a saved RFM definition (null = the default). */
export function useRfmGrid(datasetName: string, definitionName: string | null) {
  return useQuery({
    queryKey: ["rfm-grid", datasetName, { definitionName }],
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/rfm-grid?${scopeParams(definitionName)}`, rfmGridSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function rfmCellUrl(datasetName: string, definitionName: string | null, cell: { r: number; f: number }, extra: Record<string, string> = {}): string {
  const params = scopeParams(definitionName);
  params.set("r", String(cell.r));
  params.set("f", String(cell.f));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `${datasetApiPath(datasetName)}/rfm-grid/cell?${params}`;
}

/** One page of a cell's users. */
export function useRfmCellMembers(datasetName: string, definitionName: string | null, cell: { r: number; f: number } | null, page: number) {
  return useQuery({
    queryKey: ["rfm-grid-cell", datasetName, { definitionName, cell, page }],
    queryFn: ({ signal }) => fetchApi(rfmCellUrl(datasetName, definitionName, cell!, { page: String(page), pageSize: "50" }), rfmCellMembersSchema, signal),
    enabled: cell !== null,
    placeholderData: keepPreviousData,
  });
}
