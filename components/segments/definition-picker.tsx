"use client";

import { useId } from "react";
import { FIELD_CLASS } from "@/components/ui/field-classes";
import type { SavedDefinition } from "@/lib/segments/segment-definitions.types";

const BUILT_IN = "";

/** The definition the thresholds start from: the model's built-in default (when it has one) or a saved one (its latest version). */
export function DefinitionPicker({
  saved,
  value,
  loading,
  hasBuiltIn = true,
  onChange,
}: {
  saved: readonly SavedDefinition[];
  /** False for a model that only has saved definitions (clusters). */
  hasBuiltIn?: boolean;
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
        className={FIELD_CLASS}
      >
        {hasBuiltIn ? <option value={BUILT_IN}>Built-in default</option> : <option value={BUILT_IN}>{saved.length === 0 ? "Nothing saved yet" : "Newest saved"}</option>}
        {saved.map((definition) => (
          <option key={definition.name} value={definition.name}>
            {definition.name} (saved, v{definition.latest.version})
          </option>
        ))}
      </select>
    </div>
  );
}
