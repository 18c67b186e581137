"use client";

import { useState } from "react";
import { fromInputValue, inputUnit, toInputValue } from "@/lib/recommendations/playbook-wording";
import type { StatName } from "@/lib/recommendations/segment-stats";

const text = (stat: StatName, value: number) => (Number.isNaN(value) ? "" : String(toInputValue(stat, value)));

/**
 * A condition's threshold in the unit people think in (50 %, not 0.5). Keeps
 * what was typed ("1." on the way to "1.5") and reports the stored value, NaN
 * while the box is not a number (validation then says so beside it).
 */
export function ThresholdInput({
  stat,
  value,
  onChange,
  label,
  invalid,
  describedBy,
}: {
  stat: StatName;
  value: number;
  onChange: (value: number) => void;
  label: string;
  invalid: boolean;
  describedBy?: string;
}) {
  const [typed, setTyped] = useState(() => text(stat, value));
  const [synced, setSynced] = useState({ stat, value });
  // A change from outside (discard, another stat, a saved version) replaces what was typed.
  if (synced.stat !== stat || !Object.is(synced.value, value)) {
    setSynced({ stat, value });
    setTyped(text(stat, value));
  }
  const unit = inputUnit(stat);
  return (
    <span className="inline-flex items-center gap-1">
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={typed}
        onChange={(event) => {
          const next = fromInputValue(stat, event.target.value);
          setTyped(event.target.value);
          setSynced({ stat, value: next });
          onChange(next);
        }}
        className={`w-24 rounded-md border bg-white px-2 py-1 text-right text-sm tabular-nums focus-visible:outline-2 focus-visible:outline-indigo-600 ${invalid ? "border-red-400" : "border-slate-300"}`}
      />
      {unit && <span className="text-xs text-slate-500">{unit}</span>}
    </span>
  );
}
