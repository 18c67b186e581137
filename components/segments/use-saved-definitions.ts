"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { fetchApi } from "@/lib/http/fetch-api";
import {
  definitionListSchema,
  definitionVersionSchema,
  type DefinitionList,
  type DefinitionVersion,
  type SaveDefinitionRequest,
} from "@/lib/segments/segment-definitions.types";
import { postApi } from "./post-api";
import { segmentQueryKeys } from "./segment-query-keys";

/** GET /api/datasets/[name]/definitions?modelId=… — one model's saved definitions, each with its history. */
export function useSavedDefinitions(datasetName: string, modelId: string) {
  return useQuery({
    queryKey: segmentQueryKeys.definitions(datasetName, modelId),
    queryFn: ({ signal }) =>
      fetchApi(`${datasetApiPath(datasetName)}/definitions?${new URLSearchParams({ modelId })}`, definitionListSchema, signal),
  });
}

/** The list with a just-saved version added as its name's latest. */
function withVersion(list: DefinitionList, version: DefinitionVersion): DefinitionList {
  const existing = list.definitions.find((definition) => definition.modelId === version.modelId && definition.name === version.name);
  const definitions = existing
    ? list.definitions.map((definition) => (definition === existing ? { ...definition, latest: version, history: [version, ...definition.history] } : definition))
    : [...list.definitions, { modelId: version.modelId, name: version.name, latest: version, history: [version] }];
  return { ...list, definitions };
}

/** POST /api/datasets/[name]/definitions — saves a new immutable version; the list is refetched. */
export function useSaveDefinition(datasetName: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveDefinitionRequest) => postApi(`${datasetApiPath(datasetName)}/definitions`, request, definitionVersionSchema),
    onSuccess: async (version) => {
      // Show the new version at once (the page switches to it), then confirm with the server's list.
      queryClient.setQueryData<DefinitionList>(segmentQueryKeys.definitions(datasetName, version.modelId), (list) => list && withVersion(list, version));
      await queryClient.invalidateQueries({ queryKey: segmentQueryKeys.definitions(datasetName, version.modelId) });
    },
  });
}
