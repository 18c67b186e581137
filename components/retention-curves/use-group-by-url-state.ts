"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

const DEFAULT_GROUP_BY = "channel";

/** The "Split by" of a breakdown chart, in the URL as `?groupBy=` (default channel). */
export function useGroupByUrlState(): [string, (groupBy: string) => void] {
  const searchParams = useSearchParams();
  const groupBy = searchParams.get("groupBy")?.trim() || DEFAULT_GROUP_BY;
  const update = useCallback((next: string) => {
    const params = new URLSearchParams(window.location.search);
    if (next === DEFAULT_GROUP_BY) params.delete("groupBy");
    else params.set("groupBy", next);
    const search = params.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);
  return [groupBy, update];
}
