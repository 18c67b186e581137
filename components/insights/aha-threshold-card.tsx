"use client";

import { useId } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { IndustryThresholdNote } from "@/components/definitions/industry-threshold-note";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import type { Insights } from "@/lib/insights/insights.types";
import { ahaId, ahaSubjectLabel, chosenThreshold } from "./aha-labels";
import { AhaThresholdChart } from "./aha-threshold-chart";
import { AhaThresholdTable } from "./aha-threshold-table";
import { OUTCOME_LABELS } from "./insight-labels";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface AhaThresholdCardProps {
  insights: Insights | undefined;
  status: "loading" | "error" | "empty" | "ready";
  error: unknown;
  onRetry: () => void;
  emptyMessage: React.ReactNode;
  /** The curve in the URL (`?aha=`). */
  selected: string | undefined;
  onSelect: (id: string) => void;
}

/** The aha-threshold curve of one count behavior, with a picker for the behavior and its sentence. */
export function AhaThresholdCard({ insights, status, error, onRetry, emptyMessage, selected, onSelect }: AhaThresholdCardProps) {
  const id = useId();
  const threshold = insights && chosenThreshold(insights.thresholds, selected);
  const subjectLabel = threshold ? ahaSubjectLabel(threshold) : "";
  const outcome = insights?.outcome ?? "retained";
  const days = insights?.days ?? 7;
  const cardStatus = status === "ready" && !threshold ? "empty" : status;
  return (
    <ChartCard
      testId="aha-card"
      title="Aha threshold"
      description={threshold ? `${capitalized(OUTCOME_LABELS[outcome])} of users with at least k ${subjectLabel} in their first ${days} days against fewer than k` : undefined}
      definition={
        <p>
          For k = 1 … 10: the outcome rate of eligible users who did the behavior at least k times in their first {days} local days against those who did it fewer times (including
          never), and coverage = the share with at least k. The best k has the highest |difference| × √(coverage × (1 − coverage)) among points that are not small samples (30+ users
          per group, 5+ per cell). Correlation, not causation.
          <span className="mt-1 block">
            <IndustryThresholdNote id="activation-sessions-first-week" showCaveat />
          </span>
        </p>
      }
      status={cardStatus}
      error={error}
      onRetry={onRetry}
      emptyTitle="No count behaviors to try"
      emptyMessage={emptyMessage}
      actions={
        insights &&
        insights.thresholds.length > 0 && (
          <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={`${id}-aha`}>
            Behavior
            <select id={`${id}-aha`} className={COMPACT_FIELD_CLASS} value={threshold ? ahaId(threshold) : ""} onChange={(event) => onSelect(event.target.value)}>
              {insights.thresholds.map((entry) => (
                <option key={ahaId(entry)} value={ahaId(entry)}>
                  {ahaSubjectLabel(entry)}
                  {entry.bestK !== null ? ` (best k = ${entry.bestK})` : ""}
                </option>
              ))}
            </select>
          </label>
        )
      }
      chart={threshold && <AhaThresholdChart threshold={threshold} outcome={outcome} subjectLabel={subjectLabel} />}
      table={threshold && <AhaThresholdTable threshold={threshold} subjectLabel={subjectLabel} />}
      footer={
        threshold && (
          <span data-testid="aha-sentence" className="text-sm text-slate-700">
            {threshold.sentence ?? `No k separates the outcome with a large enough sample for ${subjectLabel}.`}
          </span>
        )
      }
    />
  );
}
