"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { snapshotPeriodSchema, type SnapshotPeriod } from "@/lib/snapshots/snapshot.types";

export interface TransitionsUrlState {
  /** Saved definition name; null = the first saved definition. */
  definition: string | null;
  /** Snapshot dates (YYYY-MM-DD); null = the two latest. */
  from: string | null;
  to: string | null;
  /** Period of the snapshots the "Take snapshots" button takes. */
  period: SnapshotPeriod;
}

const KEYS = { definition: "def", from: "from", to: "to", period: "period" } as const;

/** Definition, the two dates and the snapshot period live in the URL, so a view can be linked. */
export function useTransitionsUrlState(): [TransitionsUrlState, (change: Partial<TransitionsUrlState>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo<TransitionsUrlState>(() => {
    const period = snapshotPeriodSchema.safeParse(searchParams.get(KEYS.period));
    const day = (key: string) => {
      const value = searchParams.get(key);
      return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    };
    return {
      definition: searchParams.get(KEYS.definition) || null,
      from: day(KEYS.from),
      to: day(KEYS.to),
      period: period.success ? period.data : "month",
    };
  }, [searchParams]);

  const update = useCallback((change: Partial<TransitionsUrlState>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [field, value] of Object.entries(change) as [keyof TransitionsUrlState, string | null][]) {
      if (value === null || value === undefined || (field === "period" && value === "month")) next.delete(KEYS[field]);
      else next.set(KEYS[field], value);
    }
    const search = next.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);

  return [state, update];
}
