"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { parseExplorerState, serializeExplorerState, type ExplorerState } from "./explorer-url-state";

export type ExplorerStateChange = (current: ExplorerState) => ExplorerState;

/**
 * The explorer's state, read from and written to the URL. Writes go through
 * the History API, which Next.js syncs with useSearchParams without a server
 * round trip or a scroll jump (router.replace would re-render the server page
 * on every slider step). "replace" for continuous edits (sliders, typing,
 * filters), "push" for steps worth a back button (a new model, a segment).
 *
 * Next.js delivers the new search params a render later; until then the
 * written state is returned as is, so a ticked checkbox does not flick back.
 */
export function useExplorerUrlState(): [ExplorerState, (change: ExplorerStateChange, mode?: "push" | "replace") => void] {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const fromUrl = useMemo(() => parseExplorerState(new URLSearchParams(query)), [query]);
  const [written, setWritten] = useState<{ query: string; state: ExplorerState } | null>(null);

  useEffect(() => {
    if (written && written.query === query) setWritten(null);
  }, [query, written]);
  useEffect(() => {
    // Back and forward: the address bar is the truth again.
    const onPopState = () => setWritten(null);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const update = useCallback((change: ExplorerStateChange, mode: "push" | "replace" = "replace") => {
    // Read the address bar, not a render's snapshot: debounced writes must not undo each other.
    const current = parseExplorerState(new URLSearchParams(window.location.search));
    const next = serializeExplorerState(change(current)).toString();
    if (next === new URLSearchParams(window.location.search).toString()) return;
    setWritten({ query: next, state: parseExplorerState(new URLSearchParams(next)) });
    window.history[mode === "push" ? "pushState" : "replaceState"](null, "", next ? `?${next}` : window.location.pathname);
  }, []);

  return [written ? written.state : fromUrl, update];
}
