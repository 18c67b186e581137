/** Where a dataset's page lives; names are encoded so any dataset name makes a valid link. */
export function datasetPath(name: string, tab?: "users" | "history"): string {
  const path = `/datasets/${encodeURIComponent(name)}`;
  return tab && tab !== "users" ? `${path}?tab=${tab}` : path;
}

/** The API base for one dataset. */
export function datasetApiPath(name: string): string {
  return `/api/datasets/${encodeURIComponent(name)}`;
}
