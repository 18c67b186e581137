import { Fragment } from "react";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import { formatDuration } from "@/lib/funnel/format-duration";
import type { FunnelResult } from "@/lib/funnel/funnel.types";
import { formatFunnelPercent, formatUsers, seriesFills } from "./funnel-labels";

interface DropOffTableProps {
  funnel: FunnelResult;
  selected: { after: number; series: string } | null;
  onSelect: (dropOff: { after: number; series: string }) => void;
}

/**
 * Drop-off per breakdown row (per cohort, segment or dimension value): for each series, users at
 * each step with % of step 1, and between steps the users lost (click → who they are) and the
 * median time taken by those who went on.
 */
export function FunnelDropOffTable({ funnel, selected, onSelect }: DropOffTableProps) {
  const labels = funnel.series[0]!.steps.map((step) => step.label);
  const fillOf = seriesFills(funnel);
  return (
    <Table caption="Funnel drop-off per series" dense>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thClass}>
            {funnel.breakdownLabel ? `By ${funnel.breakdownLabel}` : "Series"}
          </th>
          {labels.map((label, index) => (
            <Fragment key={index}>
              {index > 0 && (
                <th scope="col" className={`${thNumericClass} text-rose-700`}>
                  Dropped · median time
                </th>
              )}
              <th scope="col" className={thNumericClass}>
                {index + 1}. {label}
              </th>
            </Fragment>
          ))}
        </tr>
      </thead>
      <tbody>
        {funnel.series.map((series) => (
          <tr key={series.name} data-testid="funnel-dropoff-row" data-series={series.name}>
            <th scope="row" className={`${tdClass} font-medium`}>
              <span className="mr-1.5 inline-block size-2.5 rounded-full align-middle" style={{ background: fillOf(series.name) }} />
              {series.name}
            </th>
            {series.steps.map((step) => (
              <Fragment key={step.step}>
                {step.step > 1 && (
                  <td className={tdNumericClass}>
                    <button
                      type="button"
                      data-testid="dropoff-button"
                      data-after={step.step - 1}
                      disabled={!step.dropOffFromPrevious}
                      aria-pressed={selected?.after === step.step - 1 && selected.series === series.name}
                      aria-label={`${formatUsers(step.dropOffFromPrevious ?? 0)} users of ${series.name} did step ${step.step - 1} but not step ${step.step}: list them`}
                      className="rounded px-1.5 py-0.5 font-medium text-rose-700 underline decoration-dotted underline-offset-2 hover:bg-rose-50 disabled:text-slate-400 disabled:no-underline aria-pressed:bg-rose-100"
                      onClick={() => onSelect({ after: step.step - 1, series: series.name })}
                    >
                      −{formatUsers(step.dropOffFromPrevious ?? 0)}
                    </button>
                    <span className="ml-1 text-slate-500" data-testid="median-time" data-step={step.step}>
                      · {formatDuration(step.medianSecondsFromPrevious)}
                    </span>
                  </td>
                )}
                <td className={tdNumericClass} data-testid="step-cell" data-step={step.step} data-users={step.users}>
                  <span className="font-medium text-slate-900">{formatUsers(step.users)}</span>{" "}
                  <span className="text-slate-500" data-testid="step-percent">
                    {formatFunnelPercent(step.percentOfFirst)}
                  </span>
                </td>
              </Fragment>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
