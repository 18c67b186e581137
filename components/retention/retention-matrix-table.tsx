import { formatCount } from "@/components/format/numbers";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import { formatRetentionCell, periodLabel } from "@/lib/retention/retention-table";
import type { RetentionCell, RetentionMatrix } from "@/lib/retention/retention.types";
import { retentionHeat } from "./retention-heat";

function cellTitle(cell: RetentionCell, size: number, label: string): string {
  if (cell.state === "future") return `${label}: not started yet as of the data's last day`;
  const share = cell.percent === null ? "no rate (empty cohort)" : `${cell.percent.toFixed(1)}%`;
  return `${label}: ${formatCount(cell.users ?? 0)} of ${formatCount(size)} users · ${share}${cell.state === "partial" ? " · period still under way" : ""}`;
}

/** The heat-coloured cohort × period table; the count of each cell is in its title. */
export function RetentionMatrixTable({ matrix }: { matrix: RetentionMatrix }) {
  const periods = Array.from({ length: matrix.periods + 1 }, (_, n) => n);
  return (
    <div className="overflow-x-auto">
      <Table caption={`${matrix.mode === "unbounded" ? "Unbounded" : "N-period"} retention of ${matrix.cohort}ly cohorts by ${matrix.period}`} dense>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={thClass}>
              Cohort ({matrix.cohort})
            </th>
            <th scope="col" className={thNumericClass}>
              Users
            </th>
            {periods.map((n) => (
              <th key={n} scope="col" className={thNumericClass}>
                {periodLabel(matrix, n)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.cohorts.map((cohort) => (
            <tr key={cohort.start} data-testid="retention-row" data-cohort={cohort.start}>
              <th scope="row" className={`${tdClass} font-medium whitespace-nowrap`}>
                {cohort.start}
              </th>
              <td className={tdNumericClass} data-testid="cohort-size">
                {formatCount(cohort.size)}
              </td>
              {cohort.cells.map((cell) => (
                <td
                  key={cell.period}
                  className={`${tdNumericClass} min-w-16`}
                  style={cell.percent === null ? undefined : retentionHeat(cell.percent)}
                  title={cellTitle(cell, cohort.size, periodLabel(matrix, cell.period))}
                  data-testid="retention-cell"
                  data-period={cell.period}
                  data-users={cell.users ?? ""}
                  data-state={cell.state}
                >
                  {formatRetentionCell(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
