"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { DEFAULT_CLUSTER_FEATURES, type ClusterRequest } from "@/lib/clustering/clustering.types";
import { FEATURES, FLAG_FEATURES, METRIC_FEATURES, type FlagFeatureName, type MetricFeatureName } from "@/lib/definitions/features";

/** The API takes 1–12 features. */
export const MAX_CLUSTER_FEATURES = 12;
const K_VALUES = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface ClusterSettings {
  features: MetricFeatureName[];
  k: ClusterRequest["k"];
  outcome: FlagFeatureName;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = { features: [...DEFAULT_CLUSTER_FEATURES], k: "auto", outcome: "retained" };


/** Feature checklist, k, outcome and the run button. */
export function ClusterControls({
  settings,
  onChange,
  onRun,
  running,
}: {
  settings: ClusterSettings;
  onChange: (settings: ClusterSettings) => void;
  onRun: () => void;
  running: boolean;
}) {
  const id = useId();
  const chosen = new Set(settings.features);
  const tooMany = settings.features.length > MAX_CLUSTER_FEATURES;
  const none = settings.features.length === 0;

  const toggle = (feature: MetricFeatureName, checked: boolean) => {
    // Keep the checklist's order so the same choice is the same request (and hits the server's cache).
    const next = METRIC_FEATURES.filter((name) => (name === feature ? checked : chosen.has(name)));
    onChange({ ...settings, features: next });
  };

  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
    >
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">Features to cluster on</legend>
        <p className="mt-0.5 text-xs text-slate-500">
          Each is standardized (skewed ones log-transformed first) so no feature dominates by its scale. Pick 1–{MAX_CLUSTER_FEATURES}.{" "}
          <button
            type="button"
            className="font-medium text-indigo-700 underline"
            onClick={() => onChange({ ...settings, features: [...DEFAULT_CLUSTER_FEATURES] })}
          >
            Reset to the default set
          </button>
        </p>
        <div className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1.5 sm:grid-cols-3 lg:grid-cols-4">
          {METRIC_FEATURES.map((feature) => (
            <label key={feature} className="flex items-center gap-2 text-sm text-slate-700" title={FEATURES[feature].description}>
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300 text-indigo-600"
                checked={chosen.has(feature)}
                onChange={(event) => toggle(feature, event.target.checked)}
              />
              {FEATURES[feature].label}
            </label>
          ))}
        </div>
        {(tooMany || none) && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {none ? "Choose at least one feature." : `Choose at most ${MAX_CLUSTER_FEATURES} features (${settings.features.length} chosen).`}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-4 border-t border-slate-100 pt-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-k`} className="text-xs font-medium text-slate-600">
            Number of clusters (k)
          </label>
          <select
            id={`${id}-k`}
            className={COMPACT_FIELD_CLASS}
            value={String(settings.k)}
            onChange={(event) => onChange({ ...settings, k: event.target.value === "auto" ? "auto" : Number(event.target.value) })}
          >
            <option value="auto">Auto (best silhouette, 2–10)</option>
            {K_VALUES.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-outcome`} className="text-xs font-medium text-slate-600">
            Outcome to compare clusters on
          </label>
          <select
            id={`${id}-outcome`}
            className={COMPACT_FIELD_CLASS}
            value={settings.outcome}
            onChange={(event) => onChange({ ...settings, outcome: event.target.value as FlagFeatureName })}
          >
            {FLAG_FEATURES.map((feature) => (
              <option key={feature} value={feature}>
                {FEATURES[feature].label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={running || tooMany || none}>
          {running ? "Clustering…" : "Run clustering"}
        </Button>
      </div>
    </form>
  );
}
