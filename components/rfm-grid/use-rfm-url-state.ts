"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export interface RfmUrlState {
  /** Saved RFM definition name; null = the built-in default. */
  definitionName: string | null;
  /** The selected cell, or null. */
  cell: { r: number; f: number } | null;
}

const CELL = /^r([1-5])f([1-5])$/;

/** `?def=<saved RFM definition>&cell=r5f4`: the grid's definition and the cell whose users are listed. */
export function useRfmUrlState(): [RfmUrlState, (change: Partial<RfmUrlState>) => void] {
  const searchParams = useSearchParams();
  const state = useMemo<RfmUrlState>(() => {
    const match = CELL.exec(searchParams.get("cell") ?? "");
    return {
      definitionName: searchParams.get("def")?.trim() || null,
      cell: match ? { r: Number(match[1]), f: Number(match[2]) } : null,
    };
  }, [searchParams]);
  const update = useCallback((change: Partial<RfmUrlState>) => {
    const params = new URLSearchParams(window.location.search);
    if ("definitionName" in change) {
      if (change.definitionName) params.set("def", change.definitionName);
      else params.delete("def");
    }
    if ("cell" in change) {
      if (change.cell) params.set("cell", `r${change.cell.r}f${change.cell.f}`);
      else params.delete("cell");
    }
    const search = params.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
  }, []);
  return [state, update];
}
