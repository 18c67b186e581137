"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { timeToConvertQuerySchema } from "@/lib/time-to-convert/time-to-convert.types";

const DEFAULT_DAYS = timeToConvertQuerySchema.shape.days.parse(undefined);

/** Days shown (0..days) in the URL as `?days=` (default 60); an invalid value falls back to the default. */
export function useDaysUrlState(): [number, (days: number) => void] {
  const searchParams = useSearchParams();
  const parsed = timeToConvertQuerySchema.shape.days.safeParse(searchParams.get("days") ?? undefined);
  const days = parsed.success ? parsed.data : DEFAULT_DAYS;
  const update = useCallback((next: number) => {
    const params = new URLSearchParams(window.location.search);
    if (next === DEFAULT_DAYS) params.delete("days");
    else params.set("days", String(next));
    const search = params.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);
  return [days, update];
}
