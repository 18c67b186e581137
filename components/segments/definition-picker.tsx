"use client";

import { useId } from "react";
import type { SavedDefinition } from "@/lib/segments/segment-definitions.types";
import { selectClass } from "./model-picker";

const BUILT_IN = "";

/** The definition the thresholds start from: the model's built-in default or a saved one (its latest version). */
export function DefinitionPicker({
  saved,
  value,
  loading,
  onChange,
}: {
  saved: readonly SavedDefinition[];
  /** null = built-in default. */
  value: string | null;
  loading: boolean;
  onChange: (name: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        Start from
      </label>
      <select
        id={id}
        value={value ?? BUILT_IN}
        disabled={loading}
        onChange={(event) => onChange(event.target.value === BUILT_IN ? null : event.target.value)}
        className={selectClass}
      >
        <option value={BUILT_IN}>Built-in default</option>
        {saved.map((definition) => (
          <option key={definition.name} value={definition.name}>
            {definition.name} (saved, v{definition.latest.version})
          </option>
        ))}
      </select>
    </div>
  );
}
