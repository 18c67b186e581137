"use client";

import { useId, useMemo } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import type { EventNameCount } from "@/lib/datasets/event-names.types";
import { funnelQuerySchema, funnelWindowUnitSchema, type FunnelStep } from "@/lib/funnel/funnel.types";
import { FunnelBreakdownPicker } from "./funnel-breakdown-picker";
import { FunnelChart } from "./funnel-chart";
import { FunnelDropOffTable } from "./funnel-dropoff-table";
import { FunnelDropOffUsers } from "./funnel-dropoff-users";
import { FunnelStepEditor } from "./funnel-step-editor";
import { FunnelStepsTable } from "./funnel-steps-table";
import { funnelApiUrl, useFunnel } from "./use-funnel";
import { useFunnelUrlState } from "./use-funnel-url-state";

interface FunnelExplorerProps {
  datasetName: string;
  timezone: string;
  eventNames: EventNameCount[];
  defaultSteps: FunnelStep[];
}

/** The funnel of one dataset: step editor and controls in the URL, chart, drop-off table, drop-off users. */
export function FunnelExplorer({ datasetName, timezone, eventNames, defaultSteps }: FunnelExplorerProps) {
  const [state, setState] = useFunnelUrlState(defaultSteps);
  const id = useId();
  const parsed = useMemo(
    () => funnelQuerySchema.safeParse({ steps: state.steps, window: state.window, order: state.order, breakdown: state.breakdown }),
    [state.steps, state.window, state.order, state.breakdown],
  );
  const query = parsed.success ? parsed.data : null;
  const funnel = useFunnel(datasetName, query);
  const result = funnel.data;
  const firstStep = result?.series[0]!.steps[0];
  const status = !query ? "empty" : funnel.isError ? "error" : !result ? "loading" : firstStep!.users === 0 ? "empty" : "ready";

  return (
    <div className="space-y-5">
      <form className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[1fr_auto]" onSubmit={(event) => event.preventDefault()}>
        <FunnelStepEditor steps={state.steps} eventNames={eventNames} onChange={(steps) => setState({ steps })} />
        <div className="flex flex-wrap content-start items-end gap-4">
          <div className="flex flex-col gap-1 text-sm text-slate-700">
            <label htmlFor={`${id}-window`}>Conversion window</label>
            <div className="flex gap-1">
              <input
                id={`${id}-window`}
                type="number"
                min={1}
                className={`${COMPACT_FIELD_CLASS} w-20`}
                value={state.window.amount}
                onChange={(event) => {
                  const amount = Number(event.target.value);
                  if (Number.isInteger(amount) && amount >= 1) setState({ window: { ...state.window, amount } });
                }}
              />
              <select
                aria-label="Window unit"
                className={COMPACT_FIELD_CLASS}
                value={state.window.unit}
                onChange={(event) => setState({ window: { ...state.window, unit: funnelWindowUnitSchema.parse(event.target.value) } })}
              >
                {funnelWindowUnitSchema.options.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-order`}>
            Step order
            <select id={`${id}-order`} className={COMPACT_FIELD_CLASS} value={state.order} onChange={(event) => setState({ order: event.target.value === "strict" ? "strict" : "any" })}>
              <option value="any">Any events in between</option>
              <option value="strict">Strict (next event)</option>
            </select>
          </label>
          <FunnelBreakdownPicker datasetName={datasetName} value={state.breakdown} onChange={(breakdown) => setState({ breakdown })} />
        </div>
      </form>

      <ChartCard
        title="Funnel: users per step"
        description={result?.breakdownLabel ? `By ${result.breakdownLabel}; the series add up to everyone.` : "Users who reached each step, over all their attempts."}
        definition={<p data-testid="funnel-definition">{result?.definition ?? "Ordered steps within a conversion window from step 1; a user counts once, at the furthest step of any attempt."}</p>}
        status={status}
        error={funnel.error}
        onRetry={() => void funnel.refetch()}
        emptyTitle={query ? "Nobody entered this funnel" : "Choose at least two steps"}
        emptyMessage={
          query ? (
            <p>
              No user did step 1 ({state.steps[0]!.event}) in this dataset{state.steps[0]!.filter ? " with that property value" : ""}. Pick another first step.
            </p>
          ) : (
            <p>A funnel needs two to ten steps; add a step above.</p>
          )
        }
        chart={result && <FunnelChart funnel={result} />}
        table={result && <FunnelStepsTable funnel={result} />}
        footer={
          result && (
            <>
              {result.definitionVersion !== null && `Segments from definition v${result.definitionVersion}${result.groupsAsOfDay ? `, features as of ${result.groupsAsOfDay}` : ""}. `}
              <a className="text-indigo-700 underline" href={funnelApiUrl(datasetName, query!)}>
                Same numbers as JSON
              </a>
            </>
          )
        }
        testId="funnel-card"
      />

      {status === "ready" && result && (
        <section className="space-y-2" aria-label="Drop-off per series">
          <h2 className="text-base font-semibold text-slate-900">Drop-off{result.breakdownLabel ? ` by ${result.breakdownLabel}` : ""}</h2>
          <p className="text-sm text-slate-500">Users at each step with % of step 1; between steps, the users lost (click to list them) and the median time of those who went on.</p>
          <FunnelDropOffTable funnel={result} selected={state.dropOff} onSelect={(dropOff) => setState({ dropOff })} />
        </section>
      )}

      {status === "ready" && query && state.dropOff && state.dropOff.after < query.steps.length && (
        <FunnelDropOffUsers
          key={`${state.dropOff.after}:${state.dropOff.series}`}
          datasetName={datasetName}
          timezone={timezone}
          query={query}
          dropOff={state.dropOff}
          onClose={() => setState({ dropOff: null })}
        />
      )}
    </div>
  );
}
