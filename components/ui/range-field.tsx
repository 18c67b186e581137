"use client";

import { useId } from "react";

const inputClass =
  "w-16 flex-none rounded-md border bg-white px-2 py-1 text-right text-sm tabular-nums shadow-sm focus:ring-2 focus:outline-none";

function decimalsOf(step: number): number {
  const text = String(step);
  return text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
}

/**
 * A number with a slider and a box to type it in, both labelled with the same
 * words ("Dormant: recency ≥ (days)"). The slider is a native range input, so
 * arrow keys, Page Up/Down, Home and End work; the box takes any value, even
 * beyond the slider's range (validation then says what is wrong with it).
 * `value` is text so that half-typed numbers ("", "-", "0.") survive.
 */
export function RangeField({
  name,
  before,
  after,
  value,
  min,
  max,
  step,
  description,
  invalid = false,
  changed = false,
  onChange,
}: {
  /** The accessible name of both inputs: "Dormant: recency ≥ (days)". */
  name: string;
  /** Words before the number box ("recency ≥"). */
  before: string;
  /** Words after it ("days", "sessions/week"). */
  after?: string | null;
  value: string;
  min: number;
  max: number;
  step: number;
  description?: string;
  invalid?: boolean;
  /** Differs from the saved value: marked so edits stand out. */
  changed?: boolean;
  onChange: (value: string) => void;
}) {
  const inputId = useId();
  const number = Number(value);
  const sliderValue = value.trim() !== "" && Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : min;
  const decimals = decimalsOf(step);
  return (
    <div className="space-y-1" title={description}>
      <div className="flex items-center gap-2 text-[13px] text-slate-700">
        <label htmlFor={inputId} className="flex-none">
          <span className="sr-only">{name}</span>
          <span aria-hidden="true">{before}</span>
        </label>
        <input
          id={inputId}
          type="number"
          inputMode="decimal"
          step="any"
          value={value}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.value)}
          className={`${inputClass} ${
            invalid
              ? "border-red-400 text-red-700 focus:border-red-500 focus:ring-red-500/30"
              : changed
                ? "border-indigo-400 bg-indigo-50/50 font-medium text-indigo-800 focus:border-indigo-500 focus:ring-indigo-500/30"
                : "border-slate-300 focus:border-indigo-500 focus:ring-indigo-500/30"
          }`}
        />
        {after && (
          <span aria-hidden="true" className="min-w-0 text-xs leading-tight text-slate-500">
            {after}
          </span>
        )}
      </div>
      <input
        type="range"
        aria-label={name}
        min={min}
        max={max}
        step={step}
        value={sliderValue}
        onChange={(event) => onChange(String(Number(Number(event.target.value).toFixed(decimals))))}
        className="block h-4 w-full cursor-pointer accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      />
    </div>
  );
}
