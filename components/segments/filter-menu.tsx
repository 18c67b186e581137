"use client";

import { useEffect, useId, useRef, useState } from "react";
import { formatCount } from "@/components/format/numbers";
import type { DimensionOption } from "@/lib/segments/dimension-options";

const NONE = "(no value)";

function optionLabel(value: string | null): string {
  return value === null ? NONE : value;
}

/**
 * One dimension's filter: a button that says what is selected and opens a
 * list of the values in the data (with user counts) to tick. Values of one
 * dimension are alternatives; Escape or a click outside closes the list.
 */
export function FilterMenu({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly DimensionOption[];
  /** Ticked values; empty = no filter on this dimension. */
  selected: readonly (string | null)[];
  onChange: (values: (string | null)[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const summary = selected.length === 0 ? "All" : selected.length === 1 ? optionLabel(selected[0]!) : `${selected.length} selected`;
  const active = selected.length > 0;
  const toggle = (value: string | null, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((candidate) => candidate !== value));

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={options.length === 0}
        onClick={() => setOpen((value) => !value)}
        title={options.length === 0 ? `No user has a ${label.toLowerCase()}` : undefined}
        className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50 ${
          active ? "bg-indigo-50 text-indigo-800 ring-indigo-300" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
        }`}
      >
        <span className="text-slate-500">{label}:</span>
        <span className="max-w-32 truncate font-medium">{summary}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-slate-400" fill="currentColor">
          <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      {open && (
        <div id={panelId} className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white py-2 shadow-lg">
          <fieldset>
            <legend className="px-3 pb-1 text-xs font-semibold text-slate-500">{label}</legend>
            <div className="max-h-64 overflow-y-auto">
              {options.map((option) => {
                const checked = selected.includes(option.value);
                return (
                  <label key={option.value ?? NONE} className="flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm hover:bg-slate-50">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(event) => toggle(option.value, event.target.checked)}
                      className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
                    />
                    <span className={`min-w-0 flex-1 truncate ${option.value === null ? "text-slate-500 italic" : "text-slate-800"}`}>{optionLabel(option.value)}</span>
                    <span className="text-xs text-slate-500 tabular-nums">
                      {formatCount(option.users)}
                      <span className="sr-only"> users</span>
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          {active && (
            <div className="mt-1 border-t border-slate-100 px-3 pt-2">
              <button type="button" onClick={() => onChange([])} className="text-xs font-medium text-indigo-700 hover:underline">
                Show everyone
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
