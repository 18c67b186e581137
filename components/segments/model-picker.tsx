"use client";

import { useId } from "react";
import { MODEL_IDS, MODELS, type ModelId } from "@/lib/definitions/models";

export const selectClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none";

/** Which segmentation model to use: those of lib/definitions/models.ts, in their order. */
export function ModelPicker({ modelId, onChange }: { modelId: ModelId; onChange: (modelId: ModelId) => void }) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        Model
      </label>
      <select id={id} value={modelId} onChange={(event) => onChange(event.target.value as ModelId)} className={selectClass}>
        {MODEL_IDS.map((id) => (
          <option key={id} value={id}>
            {MODELS[id].name}
          </option>
        ))}
      </select>
    </div>
  );
}
