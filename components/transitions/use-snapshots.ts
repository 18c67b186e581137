"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { ApiRequestError, fetchApi, toApiRequestError } from "@/lib/http/fetch-api";
import { definitionListSchema } from "@/lib/segments/segment-definitions.types";
import {
  snapshotListSchema,
  snapshotStreamLineSchema,
  transitionMatrixSchema,
  type SnapshotProgress,
  type TakeSnapshotsRequestInput,
  type TakeSnapshotsResult,
  type TransitionsQuery,
} from "@/lib/snapshots/snapshot.types";
import { transitionQueryKeys } from "./transition-query-keys";

/** GET /api/datasets/[name]/definitions — every saved definition of every model. */
export function useAllSavedDefinitions(datasetName: string) {
  return useQuery({
    queryKey: transitionQueryKeys.definitions(datasetName),
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/definitions`, definitionListSchema, signal),
  });
}

/** GET /api/datasets/[name]/snapshots?definition= */
export function useSnapshots(datasetName: string, definition: string | null) {
  return useQuery({
    queryKey: transitionQueryKeys.snapshots(datasetName, definition ?? ""),
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/snapshots?${new URLSearchParams({ definition: definition! })}`, snapshotListSchema, signal),
    enabled: definition !== null,
  });
}

/** The API URL of a transition matrix. */
export function transitionsApiUrl(datasetName: string, query: TransitionsQuery): string {
  const search = new URLSearchParams({ definition: query.definition });
  if (query.version !== undefined) search.set("version", String(query.version));
  if (query.from) search.set("from", query.from);
  if (query.to) search.set("to", query.to);
  return `${datasetApiPath(datasetName)}/transitions?${search}`;
}

/** GET /api/datasets/[name]/transitions, once two snapshot dates are known. */
export function useTransitions(datasetName: string, query: TransitionsQuery | null) {
  return useQuery({
    queryKey: transitionQueryKeys.transitions(datasetName, query ?? { definition: "" }),
    queryFn: ({ signal }) => fetchApi(transitionsApiUrl(datasetName, query!), transitionMatrixSchema, signal),
    enabled: query !== null,
  });
}

/** Reads the NDJSON answer of POST /snapshots line by line, reporting progress; resolves with the result line. */
async function readSnapshotStream(response: Response, onProgress: (progress: SnapshotProgress) => void): Promise<TakeSnapshotsResult> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffer += value ?? "";
    const lines = done ? [buffer] : buffer.split("\n");
    buffer = done ? "" : lines.pop()!;
    for (const raw of lines) {
      if (!raw.trim()) continue;
      const line = snapshotStreamLineSchema.parse(JSON.parse(raw));
      if (line.type === "progress") onProgress(line);
      else if (line.type === "error") throw new ApiRequestError(line.error.message, 500, line.error.code, line.error.id);
      else return line;
    }
    if (done) throw new Error("The snapshot job ended without a result.");
  }
}

/** POST /api/datasets/[name]/snapshots with live progress; refreshes the snapshot list when done. */
export function useTakeSnapshots(datasetName: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<SnapshotProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async (request: TakeSnapshotsRequestInput) => {
      setProgress(null);
      const response = await fetch(`${datasetApiPath(datasetName)}/snapshots`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw await toApiRequestError(response);
      return readSnapshotStream(response, setProgress);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["snapshots", datasetName] }),
  });
  return { ...mutation, progress };
}
