"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  formatStepText,
  formatWindowText,
  funnelBreakdownSchema,
  funnelOrderSchema,
  parseStepText,
  windowTextSchema,
  type FunnelBreakdown,
  type FunnelOrder,
  type FunnelStep,
  type FunnelWindow,
} from "@/lib/funnel/funnel.types";

export interface FunnelUrlState {
  steps: FunnelStep[];
  window: FunnelWindow;
  order: FunnelOrder;
  breakdown: FunnelBreakdown;
  /** The drop-off whose users are listed: users whose furthest step is `after`, in `series`. */
  dropOff: { after: number; series: string } | null;
}

const DEFAULT_WINDOW: FunnelWindow = { amount: 7, unit: "days" };

function readSteps(texts: string[], defaults: FunnelStep[]): FunnelStep[] {
  const steps = texts.flatMap((text) => {
    try {
      return [parseStepText(text)];
    } catch {
      return []; // an unreadable step in a hand-edited URL is dropped, not fatal
    }
  });
  return steps.length > 0 ? steps : defaults;
}

/**
 * Steps (repeated `step`), window, order, breakdown and the selected drop-off live in the URL,
 * so a funnel can be shared as a link; invalid values fall back to the defaults.
 */
export function useFunnelUrlState(defaultSteps: FunnelStep[]): [FunnelUrlState, (change: Partial<FunnelUrlState>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo((): FunnelUrlState => {
    const windowParam = windowTextSchema.safeParse(searchParams.get("window") ?? "");
    const order = funnelOrderSchema.safeParse(searchParams.get("order") ?? "");
    const breakdown = funnelBreakdownSchema.safeParse(searchParams.get("breakdown") ?? "");
    const after = Number(searchParams.get("after"));
    return {
      steps: readSteps(searchParams.getAll("step"), defaultSteps),
      window: windowParam.success ? windowParam.data : DEFAULT_WINDOW,
      order: order.success ? order.data : "any",
      breakdown: breakdown.success ? breakdown.data : "none",
      dropOff: Number.isInteger(after) && after >= 1 ? { after, series: searchParams.get("series") ?? "Everyone" } : null,
    };
  }, [searchParams, defaultSteps]);

  const update = useCallback(
    (change: Partial<FunnelUrlState>) => {
      const next = { ...state, ...change };
      // Any change to the question closes the user list: its drop-off may no longer exist.
      if (!("dropOff" in change)) next.dropOff = null;
      const search = new URLSearchParams();
      for (const step of next.steps) search.append("step", formatStepText(step));
      if (formatWindowText(next.window) !== formatWindowText(DEFAULT_WINDOW)) search.set("window", formatWindowText(next.window));
      if (next.order !== "any") search.set("order", next.order);
      if (next.breakdown !== "none") search.set("breakdown", next.breakdown);
      if (next.dropOff) {
        search.set("after", String(next.dropOff.after));
        search.set("series", next.dropOff.series);
      }
      window.history.pushState(null, "", `?${search}`);
    },
    [state],
  );

  return [state, update];
}
