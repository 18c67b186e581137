import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import { formatDuration } from "@/lib/funnel/format-duration";
import type { FunnelResult } from "@/lib/funnel/funnel.types";
import { formatFunnelPercent, formatUsers } from "./funnel-labels";

/** The chart's numbers, one row per series and step ("View as table"). */
export function FunnelStepsTable({ funnel }: { funnel: FunnelResult }) {
  return (
    <Table caption="Users per funnel step and series" dense>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thClass}>Series</th>
          <th scope="col" className={thClass}>Step</th>
          <th scope="col" className={thNumericClass}>Users</th>
          <th scope="col" className={thNumericClass}>% of step 1</th>
          <th scope="col" className={thNumericClass}>% of previous</th>
          <th scope="col" className={thNumericClass}>Dropped before</th>
          <th scope="col" className={thNumericClass}>Median time from previous</th>
        </tr>
      </thead>
      <tbody>
        {funnel.series.flatMap((series) =>
          series.steps.map((step) => (
            <tr key={`${series.name}:${step.step}`} data-testid="funnel-table-row" data-series={series.name} data-step={step.step}>
              <td className={tdClass}>{step.step === 1 ? series.name : ""}</td>
              <td className={tdClass}>
                {step.step}. {step.label}
              </td>
              <td className={tdNumericClass}>{formatUsers(step.users)}</td>
              <td className={tdNumericClass}>{formatFunnelPercent(step.percentOfFirst)}</td>
              <td className={tdNumericClass}>{step.step === 1 ? "" : formatFunnelPercent(step.percentOfPrevious)}</td>
              <td className={tdNumericClass}>{step.dropOffFromPrevious === null ? "" : formatUsers(step.dropOffFromPrevious)}</td>
              <td className={tdNumericClass}>{step.step === 1 ? "" : formatDuration(step.medianSecondsFromPrevious)}</td>
            </tr>
          )),
        )}
      </tbody>
    </Table>
  );
}
