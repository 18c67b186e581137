"use client";

import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { fetchApi } from "@/lib/http/fetch-api";
import { definitionListSchema } from "@/lib/segments/segment-definitions.types";

const FIXED = [
  { value: "none", label: "No breakdown", group: null },
  { value: "cohort:week", label: "First-seen week", group: "Cohort" },
  { value: "cohort:month", label: "First-seen month", group: "Cohort" },
  { value: "channel", label: "Channel", group: "Dimension" },
  { value: "plan", label: "Plan", group: "Dimension" },
  { value: "country", label: "Country", group: "Dimension" },
] as const;

/** "Break down by": nothing, first-seen cohort, a dimension, or the segments of a saved definition. */
export function FunnelBreakdownPicker({ datasetName, value, onChange }: { datasetName: string; value: string; onChange: (breakdown: string) => void }) {
  const id = useId();
  // Same key as the retention curves' picker: one request serves both pages.
  const definitions = useQuery({
    queryKey: ["definitions", datasetName, { modelId: "all" }],
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(datasetName)}/definitions`, definitionListSchema, signal),
  });
  const saved = definitions.data?.definitions ?? [];
  const known = FIXED.some((option) => option.value === value) || saved.some((definition) => `segment:${definition.name}` === value);
  const option = (entry: (typeof FIXED)[number]) => (
    <option key={entry.value} value={entry.value}>
      {entry.label}
    </option>
  );
  return (
    <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={id}>
      Break down by
      <select id={id} className={COMPACT_FIELD_CLASS} value={value} onChange={(event) => onChange(event.target.value)}>
        {FIXED.filter((entry) => entry.group === null).map(option)}
        <optgroup label="Cohort">{FIXED.filter((entry) => entry.group === "Cohort").map(option)}</optgroup>
        <optgroup label="Dimension">{FIXED.filter((entry) => entry.group === "Dimension").map(option)}</optgroup>
        <optgroup label={definitions.isPending ? "Saved definitions (loading…)" : "Segments of a saved definition"}>
          {saved.map((definition) => (
            <option key={`${definition.modelId}:${definition.name}`} value={`segment:${definition.name}`}>
              {definition.name} (v{definition.latest.version})
            </option>
          ))}
          {!known && <option value={value}>{value.replace(/^segment:/, "")}</option>}
        </optgroup>
      </select>
    </label>
  );
}
