"use client";

import { useId } from "react";
import { DIMENSION_NAMES, type DimensionFilters, type DimensionName } from "@/lib/definitions/dimension-filters";
import type { DimensionOptions } from "@/lib/segments/dimension-options";
import { hasFilters } from "./explorer-url-state";
import { FilterMenu } from "./filter-menu";

export const DIMENSION_LABELS: Record<DimensionName, string> = {
  channel: "Channel",
  plan: "Plan",
  country: "Country",
  signupMonth: "Signup month",
};

/**
 * Whom the numbers describe (dimension filters) and which data (as-of). Filters
 * choose users to show; they never re-score them, so a user's segment is the
 * same on every screen (metric-conventions.md).
 */
export function SegmentFilters({
  options,
  filters,
  onFiltersChange,
  asOf,
  featuresAsOfDay,
  onAsOfChange,
}: {
  options: DimensionOptions;
  filters: DimensionFilters;
  onFiltersChange: (filters: DimensionFilters) => void;
  /** The as-of date asked for; null = the features' own. */
  asOf: string | null;
  /** The day the features were computed for (YYYY-MM-DD), once known. */
  featuresAsOfDay: string | null;
  onAsOfChange: (asOf: string | null) => void;
}) {
  const dateId = useId();
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      {DIMENSION_NAMES.map((dimension) => (
        <FilterMenu
          key={dimension}
          label={DIMENSION_LABELS[dimension]}
          options={options[dimension]}
          selected={filters[dimension] ?? []}
          onChange={(values) => {
            const next = { ...filters };
            if (values.length > 0) next[dimension] = values;
            else delete next[dimension];
            onFiltersChange(next);
          }}
        />
      ))}
      {hasFilters(filters) && (
        <button type="button" onClick={() => onFiltersChange({})} className="px-1 text-xs font-medium text-indigo-700 hover:underline">
          Clear filters
        </button>
      )}
      <span className="ml-auto flex items-center gap-2">
        <label htmlFor={dateId} className="text-sm text-slate-500" title="The date the features describe: events up to the end of that day count.">
          As of
        </label>
        <input
          id={dateId}
          type="date"
          value={asOf ?? featuresAsOfDay ?? ""}
          onChange={(event) => onAsOfChange(event.target.value === "" ? null : event.target.value)}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
        {asOf !== null && asOf !== featuresAsOfDay && (
          <button type="button" onClick={() => onAsOfChange(null)} className="text-xs font-medium text-indigo-700 hover:underline">
            Latest
          </button>
        )}
      </span>
    </div>
  );
}
