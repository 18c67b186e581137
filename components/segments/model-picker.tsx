"use client";

import { useId } from "react";
import { FIELD_CLASS } from "@/components/ui/field-classes";
import { MODEL_IDS, MODELS, type ModelId } from "@/lib/definitions/models";


/** Which segmentation model to use: those of lib/definitions/models.ts, in their order. */
export function ModelPicker({ modelId, onChange }: { modelId: ModelId; onChange: (modelId: ModelId) => void }) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        Model
      </label>
      <select id={id} value={modelId} onChange={(event) => onChange(event.target.value as ModelId)} className={FIELD_CLASS}>
        {MODEL_IDS.map((id) => (
          <option key={id} value={id}>
            {MODELS[id].name}
          </option>
        ))}
      </select>
    </div>
  );
}
