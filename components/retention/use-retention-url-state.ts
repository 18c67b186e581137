"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { retentionQuerySchema, type RetentionQuery } from "@/lib/retention/retention.types";

const DEFAULTS = retentionQuerySchema.parse({});
type UrlKey = "cohort" | "period" | "periods" | "mode";

/** Cohort, period, number of periods and mode live in the URL; an invalid value falls back to its default. */
export function useRetentionUrlState(): [RetentionQuery, (change: Partial<Pick<RetentionQuery, UrlKey>>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo(() => {
    const read = <K extends UrlKey>(key: K): RetentionQuery[K] => {
      const parsed = retentionQuerySchema.shape[key].safeParse(searchParams.get(key) ?? undefined);
      return (parsed.success ? parsed.data : DEFAULTS[key]) as RetentionQuery[K];
    };
    return { cohort: read("cohort"), period: read("period"), periods: read("periods"), mode: read("mode") };
  }, [searchParams]);

  const update = useCallback((change: Partial<Pick<RetentionQuery, UrlKey>>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined || value === DEFAULTS[key as UrlKey]) next.delete(key);
      else next.set(key, String(value));
    }
    const search = next.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);

  return [state, update];
}
