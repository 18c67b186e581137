"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { z } from "zod";
import { activityEventSchema, lifecycleQuerySchema } from "@/lib/lifecycle/lifecycle.types";
import { stickinessQuerySchema } from "@/lib/stickiness/stickiness.types";

/** What the Activity page's URL holds: lifecycle interval and periods, stickiness days, and the activity event shared by all charts. */
export const activityUrlSchema = z.object({
  interval: lifecycleQuerySchema.shape.interval,
  periods: lifecycleQuerySchema.shape.periods,
  days: stickinessQuerySchema.shape.days,
  event: activityEventSchema.optional(),
});
export type ActivityUrlState = z.infer<typeof activityUrlSchema>;
type UrlKey = keyof ActivityUrlState;

const DEFAULTS = activityUrlSchema.parse({});
const KEYS: UrlKey[] = ["interval", "periods", "days", "event"];

/** Each value is read on its own; an invalid one falls back to its default rather than breaking the page. */
export function useActivityUrlState(): [ActivityUrlState, (change: Partial<ActivityUrlState>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo(() => {
    const read = <K extends UrlKey>(key: K): ActivityUrlState[K] => {
      const parsed = activityUrlSchema.shape[key].safeParse(searchParams.get(key) ?? undefined);
      return (parsed.success ? parsed.data : DEFAULTS[key]) as ActivityUrlState[K];
    };
    return Object.fromEntries(KEYS.map((key) => [key, read(key)])) as ActivityUrlState;
  }, [searchParams]);

  const update = useCallback((change: Partial<ActivityUrlState>) => {
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
