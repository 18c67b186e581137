"use client";

import { useId } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { useRetentionUrlState } from "@/components/retention/use-retention-url-state";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { retentionModeSchema, retentionUnitSchema } from "@/lib/retention/retention.types";
import { GroupByPicker } from "./group-by-picker";
import { RetentionCurvesChart } from "./retention-curves-chart";
import { RetentionCurvesTable } from "./retention-curves-table";
import { useGroupByUrlState } from "./use-group-by-url-state";
import { useRetentionCurves } from "./use-retention-curves";


/**
 * Retention curves by segment, above the cohort matrix. Period, number of
 * periods and mode are the matrix's own URL parameters, so both always show
 * the same retention; "Split by" is `?groupBy=`.
 */
export function RetentionCurvesCard({ datasetName }: { datasetName: string }) {
  const [retention, setRetention] = useRetentionUrlState();
  const [groupBy, setGroupBy] = useGroupByUrlState();
  const params = { groupBy, period: retention.period, periods: retention.periods, mode: retention.mode };
  const curves = useRetentionCurves(datasetName, params);
  const id = useId();
  const data = curves.data;
  const status = curves.isError ? "error" : !data ? "loading" : data.series.length === 0 ? "empty" : "ready";

  return (
    <ChartCard
      testId="retention-curves"
      // Not "Retention …": the matrix below owns the "Retention" label (its mode picker), and a section name would match it too.
      title="Who comes back, by segment"
      description={data ? `Retention curves: % of users active in each ${data.period} since first seen, split by ${data.groupLabel}` : undefined}
      definition={<p>{data?.definition ?? "Share of users active in each period after the one they were first seen in, per group, counting only users whose period has ended."}</p>}
      status={status}
      error={curves.error}
      onRetry={() => void curves.refetch()}
      emptyTitle="No retention to show yet"
      emptyMessage={<p>{data?.kind === "transactions" ? "This dataset has no purchases before its as-of date." : "This dataset has no events before its as-of date."} Curves appear once events have been loaded.</p>}
      actions={
        <>
          <GroupByPicker datasetName={datasetName} value={groupBy} onChange={setGroupBy} />
          <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={`${id}-period`}>
            Per
            <select id={`${id}-period`} className={COMPACT_FIELD_CLASS} value={retention.period} onChange={(event) => setRetention({ period: retentionUnitSchema.parse(event.target.value) })}>
              {retentionUnitSchema.options.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={`${id}-mode`}>
            Curve
            <select id={`${id}-mode`} className={COMPACT_FIELD_CLASS} value={retention.mode} onChange={(event) => setRetention({ mode: retentionModeSchema.parse(event.target.value) })}>
              <option value="n-period">N-period</option>
              <option value="unbounded">Unbounded</option>
            </select>
          </label>
        </>
      }
      chart={data && <RetentionCurvesChart curves={data} />}
      table={data && <RetentionCurvesTable curves={data} />}
      footer={
        data && (
          <span data-testid="curves-footer">
            Data as of {data.asOfDay} ({data.timezone}); series: {data.groupLabel}
            {data.definitionVersion !== null ? ` (definition version ${data.definitionVersion})` : ""}.
          </span>
        )
      }
    />
  );
}
