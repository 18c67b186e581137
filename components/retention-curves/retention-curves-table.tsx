import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { RetentionCurves } from "@/lib/retention-curves/retention-curves.types";
import { formatCurveCount, formatCurvePercent, periodName } from "./curve-labels";

/** The chart's numbers: one row per series, one column per period, "% (n)" in each cell. */
export function RetentionCurvesTable({ curves }: { curves: RetentionCurves }) {
  const periods = Array.from({ length: curves.periods + 1 }, (_, n) => n);
  return (
    <Table caption={`Retention curves by ${curves.groupLabel}, % of users active per ${curves.period} since first seen (n = users whose ${curves.period} has ended)`} dense>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thClass}>
            Series
          </th>
          <th scope="col" className={thNumericClass}>
            Users
          </th>
          {periods.map((n) => (
            <th key={n} scope="col" className={thNumericClass}>
              {periodName(curves.period, n)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {curves.series.map((series) => (
          <tr key={series.name} data-testid="curve-row" data-series={series.name}>
            <th scope="row" className={`${tdClass} font-medium whitespace-nowrap`}>
              {series.name}
            </th>
            <td className={tdNumericClass}>{series.size.toLocaleString("en-US")}</td>
            {series.points.map((point) => (
              <td
                key={point.period}
                className={`${tdNumericClass} whitespace-nowrap`}
                title={formatCurveCount(point)}
                data-testid="curve-cell"
                data-users={point.users}
                data-eligible={point.eligible}
              >
                {formatCurvePercent(point)} <span className="text-slate-400">n={point.eligible.toLocaleString("en-US")}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
