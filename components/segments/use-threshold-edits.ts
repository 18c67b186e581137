"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ExplorerStateChange } from "./use-explorer-url-state";

/**
 * Slider moves and keystrokes settle this long before the URL (and the server)
 * hear of them. An edit after a rest at least this long goes at once (leading
 * edge): one key press on a slider updates the sizes without waiting, while a
 * drag or a typed number still asks the server once per pause.
 */
export const EDIT_DEBOUNCE_MS = 150;

/**
 * Edited thresholds, kept in two places: locally at once (controls and
 * validation respond on every keystroke and slider step) and in the URL after
 * a pause (the query key, so the server is asked once per pause). Only values
 * that differ from the starting definition go to the URL; the local copy
 * follows the URL when it changes from outside (back button, discard, save).
 * bench/slider-latency.bench.ts measures key press → sizes on screen.
 */
export function useThresholdEdits(
  urlOverrides: Readonly<Record<string, string>>,
  /** Each threshold's value in the starting definition; null while it loads (nothing is written meanwhile). */
  baseValues: ReadonlyMap<string, string> | null,
  update: (change: ExplorerStateChange, mode?: "push" | "replace") => void,
) {
  const urlKey = JSON.stringify(urlOverrides);
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...urlOverrides }));
  const ownWrite = useRef<string | null>(null);
  const lastEditAt = useRef(Number.NEGATIVE_INFINITY);
  const afterRest = useRef(false);

  useEffect(() => {
    if (ownWrite.current === urlKey) {
      ownWrite.current = null;
      return;
    }
    setValues(JSON.parse(urlKey) as Record<string, string>);
  }, [urlKey]);

  useEffect(() => {
    if (!baseValues) return;
    const edited = Object.fromEntries(Object.entries(values).filter(([key, value]) => baseValues.has(key) && baseValues.get(key) !== value));
    const editedKey = JSON.stringify(edited);
    if (editedKey === urlKey) return;
    const delay = afterRest.current ? 0 : EDIT_DEBOUNCE_MS;
    afterRest.current = false;
    const timer = setTimeout(() => {
      ownWrite.current = editedKey;
      update((current) => ({ ...current, overrides: edited, members: { ...current.members, page: 1 } }), "replace");
    }, delay);
    return () => clearTimeout(timer);
  }, [values, baseValues, urlKey, update]);

  const set = useCallback((key: string, value: string) => {
    const now = performance.now();
    afterRest.current = now - lastEditAt.current >= EDIT_DEBOUNCE_MS;
    lastEditAt.current = now;
    setValues((current) => ({ ...current, [key]: value }));
  }, []);
  const reset = useCallback(() => setValues({}), []);
  return { values, set, reset };
}
