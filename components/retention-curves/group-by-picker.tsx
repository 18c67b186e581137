"use client";

import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { fetchApi } from "@/lib/http/fetch-api";
import { definitionListSchema } from "@/lib/segments/segment-definitions.types";

const DIMENSIONS = [
  { value: "channel", label: "Channel" },
  { value: "plan", label: "Plan" },
  { value: "country", label: "Country" },
] as const;

/** Every saved definition of the dataset (any model), for the "Split by" list. */
function useAllSavedDefinitions(datasetName: string) {
  return useQuery({
    queryKey: ["definitions", datasetName, { modelId: "all" }],
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/definitions`, definitionListSchema, signal),
  });
}

/**
 * "Split by": channel, plan, country, or the segments of a saved definition
 * (value "segment:<name>", latest version). The value is a groupBy query value.
 */
export function GroupByPicker({ datasetName, value, onChange }: { datasetName: string; value: string; onChange: (groupBy: string) => void }) {
  const id = useId();
  const definitions = useAllSavedDefinitions(datasetName);
  const saved = definitions.data?.definitions ?? [];
  const known = DIMENSIONS.some((dimension) => dimension.value === value) || saved.some((definition) => `segment:${definition.name}` === value);
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={id}>
      Split by
      <select id={id} className={COMPACT_FIELD_CLASS} value={value} onChange={(event) => onChange(event.target.value)}>
        <optgroup label="Dimension">
          {DIMENSIONS.map((dimension) => (
            <option key={dimension.value} value={dimension.value}>
              {dimension.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={definitions.isPending ? "Saved definitions (loading…)" : "Segments of a saved definition"}>
          {saved.map((definition) => (
            <option key={`${definition.modelId}:${definition.name}`} value={`segment:${definition.name}`}>
              {definition.name} (v{definition.latest.version})
            </option>
          ))}
          {/* A definition named in the URL stays selectable while the list loads (or after it was renamed). */}
          {!known && <option value={value}>{value.replace(/^segment:/, "")}</option>}
        </optgroup>
      </select>
    </label>
  );
}
