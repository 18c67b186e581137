import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { LifecycleResult } from "@/lib/lifecycle/lifecycle.types";
import { formatUsers } from "./activity-labels";
import { LIFECYCLE_SERIES } from "./lifecycle-chart";

/** The lifecycle numbers as a table: one row per interval, dormant negative, the interval under way marked. */
export function LifecycleTable({ result }: { result: LifecycleResult }) {
  return (
    <Table caption={`Lifecycle per ${result.interval}`} dense>
      <thead className="bg-slate-50">
        <tr>
          <th className={thClass}>{result.interval === "week" ? "Week of" : result.interval === "month" ? "Month" : "Day"}</th>
          {LIFECYCLE_SERIES.map((series) => (
            <th key={series.key} className={thNumericClass}>
              {series.label}
            </th>
          ))}
          <th className={thNumericClass}>Active</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {result.intervals.map((row) => (
          <tr key={row.start} data-testid="lifecycle-row" data-start={row.start} data-partial={row.partial}>
            <td className={tdClass}>
              {result.interval === "month" ? row.start.slice(0, 7) : row.start}
              {row.partial && <span className="ml-1 text-amber-700" title="Interval still under way: counts may change">*</span>}
            </td>
            {LIFECYCLE_SERIES.map((series) => (
              <td key={series.key} className={tdNumericClass} data-testid={`lifecycle-${series.key}`}>
                {formatUsers(row[series.key])}
              </td>
            ))}
            <td className={`${tdNumericClass} font-medium`} data-testid="lifecycle-active">
              {formatUsers(row.active)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
