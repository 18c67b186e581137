"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { z } from "zod";
import { insightsQuerySchema } from "@/lib/insights/insights.types";

const shape = insightsQuerySchema.shape;

/** What the Insights page's URL holds: the outcome, the behavior days D, the outcome window W and the aha curve shown. */
export const insightsUrlSchema = z.object({
  outcome: shape.outcome,
  days: shape.days,
  window: shape.window,
  /** Id of the aha curve on the chart ("sessions:" or "event:<name>"); default: the first with a best k. */
  aha: z.string().optional(),
});
export type InsightsUrlState = z.infer<typeof insightsUrlSchema>;
type UrlKey = keyof InsightsUrlState;

const DEFAULTS = insightsUrlSchema.parse({});
const KEYS: UrlKey[] = ["outcome", "days", "window", "aha"];

/** Each value is read on its own; an invalid one falls back to its default rather than breaking the page. */
export function useInsightsUrlState(): [InsightsUrlState, (change: Partial<InsightsUrlState>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo(() => {
    const read = <K extends UrlKey>(key: K): InsightsUrlState[K] => {
      const parsed = insightsUrlSchema.shape[key].safeParse(searchParams.get(key) ?? undefined);
      return (parsed.success ? parsed.data : DEFAULTS[key]) as InsightsUrlState[K];
    };
    const parsed = Object.fromEntries(KEYS.map((key) => [key, read(key)])) as InsightsUrlState;
    // D may not exceed W (the API refuses it): clamp rather than show an error for a hand-edited URL.
    return { ...parsed, days: Math.min(parsed.days, parsed.window) };
  }, [searchParams]);

  const update = useCallback((change: Partial<InsightsUrlState>) => {
    const next = new URLSearchParams(window.location.search);
    for (const key of Object.keys(change) as UrlKey[]) {
      const value = change[key];
      if (value === undefined || value === DEFAULTS[key]) next.delete(key);
      else next.set(key, String(value));
    }
    const search = next.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);

  return [state, update];
}
