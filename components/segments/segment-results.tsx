"use client";

import { formatCount } from "@/components/format/numbers";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiRequestError } from "@/lib/http/fetch-api";
import type { ComputeSegmentsResponse } from "@/lib/segments/compute-segments.types";
import { FeaturesMissingState } from "./features-missing-state";
import { SegmentTable, type ComparedSegment } from "./segment-table";

function TableSkeleton() {
  return (
    <div role="status" aria-label="Loading segments" className="rounded-lg border border-slate-200 bg-white p-4">
      <Skeleton className="h-5 w-full" />
      <div className="mt-4 space-y-4">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="flex items-center gap-4">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-4 flex-1" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * The segment table and every state around it: loading (skeleton), no
 * features yet, nobody in view, a date without features, a failed request
 * (the server's message; the previous numbers stay when there are some).
 */
export function SegmentResults({
  datasetName,
  hasEvents,
  result,
  error,
  onRetry,
  busy,
  waiting,
  criteria,
  notes,
  notesCurrent,
  compare,
  compareLabel,
  compareNote,
  selected,
  onSelect,
  filtered,
  onClearFilters,
  onLatestAsOf,
  actionEdits,
  onEditAction,
}: {
  datasetName: string;
  hasEvents: boolean;
  /** The numbers for the current view (or the previous view's, while these load). */
  result: ComputeSegmentsResponse | undefined;
  error: Error | null;
  onRetry: () => void;
  busy: boolean;
  /** Nothing can be asked yet (the definition is missing): no skeleton. */
  waiting: boolean;
  criteria: ReadonlyMap<string, string>;
  notes: ReadonlyMap<string, readonly string[]> | null;
  notesCurrent: boolean;
  /** Saved definition's sizes by segment when comparing (null while they load); undefined when not comparing. */
  compare: ReadonlyMap<string, ComparedSegment> | null | undefined;
  compareLabel: string;
  compareNote: string;
  selected: string | null;
  onSelect: (segment: string) => void;
  filtered: boolean;
  onClearFilters: () => void;
  onLatestAsOf: () => void;
  actionEdits: Readonly<Record<string, string>>;
  onEditAction: (segment: string, action: string) => void;
}) {
  const apiError = error instanceof ApiRequestError ? error : null;
  if (apiError?.code === "features_missing") return <FeaturesMissingState datasetName={datasetName} hasEvents={hasEvents} />;
  const asOfMissing = apiError?.code === "as_of_unavailable";
  const errorState = error && (
    <ErrorState
      title={asOfMissing ? "No features for that date" : result ? "The segments could not be recomputed" : "The segments could not be computed"}
      message={result ? `${error.message} The table shows the previous numbers.` : error.message}
      errorId={apiError?.errorId}
      onRetry={asOfMissing ? undefined : onRetry}
    >
      {asOfMissing && (
        <Button variant="secondary" className="mt-3" onClick={onLatestAsOf}>
          Show the latest features
        </Button>
      )}
    </ErrorState>
  );
  if (!result) return errorState || (waiting ? null : <TableSkeleton />);
  if (result.filteredUsers === 0) {
    return (
      <EmptyState
        title={result.totalUsers === 0 ? "No users have features yet" : "No user matches these filters"}
        action={
          filtered ? (
            <Button variant="secondary" onClick={onClearFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
      >
        <p>
          {result.totalUsers === 0
            ? "The last feature refresh found no users with events before its as-of date. Load events, then refresh the features."
            : `None of the ${formatCount(result.totalUsers)} users has every value the filters ask for; within one dimension any ticked value is enough.`}
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      {errorState}
      <SegmentTable
        segments={result.segments}
        criteria={criteria}
        notes={notes}
        notesCurrent={notesCurrent}
        compare={compare}
        compareLabel={compareLabel}
        selected={selected}
        busy={busy}
        filteredUsers={result.filteredUsers}
        totalUsers={result.totalUsers}
        onSelect={onSelect}
        actionEdits={actionEdits}
        onEditAction={onEditAction}
      />
      {compare !== undefined && <p className="text-xs text-slate-500">{compareNote}</p>}
    </>
  );
}
