"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { retentionCsv } from "@/lib/retention/retention-table";
import { MAX_RETENTION_PERIODS, retentionModeSchema, retentionUnitSchema, type RetentionMatrix, type RetentionQuery } from "@/lib/retention/retention.types";
import { RetentionMatrixTable } from "./retention-matrix-table";
import { useRetention } from "./use-retention";
import { useRetentionUrlState } from "./use-retention-url-state";

const MODE_LABELS: Record<RetentionQuery["mode"], string> = { "n-period": "N-period (exactly period N)", unbounded: "Unbounded (period N or later)" };

function downloadCsv(matrix: RetentionMatrix): void {
  const url = URL.createObjectURL(new Blob([retentionCsv(matrix)], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${matrix.dataset}-retention-${matrix.cohort}-${matrix.period}-${matrix.mode}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Cohort retention of one dataset: controls in the URL, the matrix, its definition and a CSV download. */
export function RetentionExplorer({ datasetName }: { datasetName: string }) {
  const [params, setParams] = useRetentionUrlState();
  const retention = useRetention(datasetName, params);
  const id = useId();
  const matrix = retention.data;

  return (
    <div className="space-y-4">
      <form className="flex flex-wrap items-end gap-4" onSubmit={(event) => event.preventDefault()}>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-cohort`}>
          Cohort by
          <select id={`${id}-cohort`} className={COMPACT_FIELD_CLASS} value={params.cohort} onChange={(event) => setParams({ cohort: retentionUnitSchema.parse(event.target.value) })}>
            {retentionUnitSchema.options.map((unit) => (
              <option key={unit} value={unit}>
                first-seen {unit}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-period`}>
          Period
          <select id={`${id}-period`} className={COMPACT_FIELD_CLASS} value={params.period} onChange={(event) => setParams({ period: retentionUnitSchema.parse(event.target.value) })}>
            {retentionUnitSchema.options.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-periods`}>
          Periods
          <input
            id={`${id}-periods`}
            type="number"
            min={1}
            max={MAX_RETENTION_PERIODS}
            className={`${COMPACT_FIELD_CLASS} w-20`}
            value={params.periods}
            onChange={(event) => {
              const periods = Number(event.target.value);
              if (Number.isInteger(periods) && periods >= 1 && periods <= MAX_RETENTION_PERIODS) setParams({ periods });
            }}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-mode`}>
          Retention
          <select id={`${id}-mode`} className={COMPACT_FIELD_CLASS} value={params.mode} onChange={(event) => setParams({ mode: retentionModeSchema.parse(event.target.value) })}>
            {retentionModeSchema.options.map((mode) => (
              <option key={mode} value={mode}>
                {MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
        <Button type="button" variant="secondary" disabled={!matrix || matrix.cohorts.length === 0} onClick={() => matrix && downloadCsv(matrix)}>
          Download CSV
        </Button>
      </form>

      {retention.isError ? (
        <ErrorState
          title="Retention could not be computed"
          message={retention.error.message}
          errorId={retention.error instanceof ApiRequestError ? retention.error.errorId : undefined}
          onRetry={() => void retention.refetch()}
        />
      ) : !matrix ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading retention">
          {Array.from({ length: 6 }, (_, row) => (
            <Skeleton key={row} className="h-7 w-full" />
          ))}
        </div>
      ) : matrix.cohorts.length === 0 ? (
        <EmptyState title="No retention to show yet">
          <p>{matrix.kind === "transactions" ? "This dataset has no purchases yet." : "This dataset has no events yet."} Cohorts appear once events have been loaded.</p>
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="retention-definition">
            <span className="font-medium text-slate-800">Definition: </span>
            {matrix.definition} Data as of {matrix.asOfDay} ({matrix.timezone}); * = period still under way.
          </p>
          <RetentionMatrixTable matrix={matrix} />
        </>
      )}
    </div>
  );
}
