"use client";

import { useId } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { GroupByPicker } from "@/components/retention-curves/group-by-picker";
import { useGroupByUrlState } from "@/components/retention-curves/use-group-by-url-state";
import { MAX_CONVERT_DAYS } from "@/lib/time-to-convert/time-to-convert.types";
import { TimeToConvertChart } from "./time-to-convert-chart";
import { TimeToConvertTable } from "./time-to-convert-table";
import { useDaysUrlState } from "./use-days-url-state";
import { useTimeToConvert } from "./use-time-to-convert";

const inputClass = "w-20 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600";

/** Time-to-convert curves with "Split by" and the number of days in the URL, plus the where-conversions-happen sentence. */
export function TimeToConvertCard({ datasetName }: { datasetName: string }) {
  const [groupBy, setGroupBy] = useGroupByUrlState();
  const [days, setDays] = useDaysUrlState();
  const result = useTimeToConvert(datasetName, { groupBy, days });
  const id = useId();
  const data = result.data;
  const status = result.isError ? "error" : !data ? "loading" : data.series.length === 0 ? "empty" : "ready";
  const emptyMessage =
    data && data.conversionEvent === null ? (
      <p>This dataset names no conversion event. Set one in the dataset settings (for example &ldquo;upgrade&rdquo;) to see how soon users convert.</p>
    ) : (
      <p>This dataset has no events before its as-of date yet.</p>
    );

  return (
    <div className="space-y-4">
      <ChartCard
        testId="time-to-convert"
        title="Time to convert"
        description={data ? `Cumulative % of users converted by day since ${data.signupEvent ? "signup" : "first seen"}, split by ${data.groupLabel}` : undefined}
        definition={<p>{data?.definition ?? "% of users who converted within d days of signing up, counting only users observed for at least d days."}</p>}
        status={status}
        error={result.error}
        onRetry={() => void result.refetch()}
        emptyTitle="No conversions to show"
        emptyMessage={emptyMessage}
        actions={
          <>
            <GroupByPicker datasetName={datasetName} value={groupBy} onChange={setGroupBy} />
            <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={`${id}-days`}>
              Days
              <input
                id={`${id}-days`}
                type="number"
                min={1}
                max={MAX_CONVERT_DAYS}
                className={inputClass}
                value={days}
                onChange={(event) => {
                  const next = Number(event.target.value);
                  if (Number.isInteger(next) && next >= 1 && next <= MAX_CONVERT_DAYS) setDays(next);
                }}
              />
            </label>
          </>
        }
        chart={data && <TimeToConvertChart result={data} />}
        table={data && <TimeToConvertTable result={data} />}
        footer={
          data && (
            <span data-testid="convert-footer">
              Conversion: {data.conversionEvent}; data as of {data.asOfDay} ({data.timezone}); series: {data.groupLabel}
              {data.definitionVersion !== null ? ` (definition version ${data.definitionVersion})` : ""}.
            </span>
          )
        }
      />
      {data?.summary && (
        <p className="rounded-md border border-indigo-100 bg-indigo-50 px-4 py-3 text-sm text-indigo-900" data-testid="convert-summary">
          {data.summary}
        </p>
      )}
    </div>
  );
}
