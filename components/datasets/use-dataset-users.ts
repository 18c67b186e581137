"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { userPageSchema, type UserListQuery } from "@/lib/datasets/list-dataset-users.types";
import { fetchApi } from "@/lib/http/fetch-api";
import { datasetApiPath } from "./dataset-path";
import { queryKeys } from "./query-keys";

/** GET /api/datasets/[name]/users — keeps the previous page on screen while the next one loads. */
export function useDatasetUsers(datasetName: string, params: UserListQuery) {
  return useQuery({
    queryKey: queryKeys.datasetUsers(datasetName, params),
    queryFn: ({ signal }) => {
      const search = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize), sort: params.sort, dir: params.dir });
      if (params.q) search.set("q", params.q);
      return fetchApi(`${datasetApiPath(datasetName)}/users?${search}`, userPageSchema, signal);
    },
    placeholderData: keepPreviousData,
  });
}
