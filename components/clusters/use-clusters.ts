"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { toApiRequestError } from "@/lib/http/fetch-api";
import { clusterResponseSchema, type ClusterRequest } from "@/lib/clustering/clustering.types";

/** The API URL of a dataset's clustering (POST). */
export function clustersApiUrl(datasetName: string): string {
  return `${datasetApiPath(datasetName)}/clusters`;
}

/**
 * POST /api/datasets/[name]/clusters. A mutation, not a query: the run is
 * started by the button (it can take tens of seconds), never by typing.
 */
export function useRunClustering(datasetName: string) {
  return useMutation({
    mutationFn: async (request: ClusterRequest) => {
      const response = await fetch(clustersApiUrl(datasetName), {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(request),
      });
      if (!response.ok) throw await toApiRequestError(response);
      return clusterResponseSchema.parse(await response.json());
    },
  });
}

/** Whole seconds since `running` turned true (0 while idle), ticking once a second. */
export function useElapsedSeconds(running: boolean): number {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = Date.now();
    setStartedAt(start);
    setNow(start);
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return running && startedAt !== null ? Math.max(0, Math.floor((now - startedAt) / 1000)) : 0;
}
