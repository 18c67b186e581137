"use client";

import { useEffect, useState } from "react";

/**
 * The value once it has stopped changing for `delayMs` (the first value, and
 * the first non-null one, at once): for work worth doing only when the user
 * pauses, not on every step.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    if (settled === null || settled === undefined) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}
