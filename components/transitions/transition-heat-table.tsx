import { formatCount, formatDecimal } from "@/components/format/numbers";
import { retentionHeat } from "@/components/retention/retention-heat";
import type { TransitionMatrix } from "@/lib/snapshots/snapshot.types";

const th = "border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";

/**
 * The transition matrix as a heat table: rows = segment at the first date,
 * columns = segment at the second; each cell shows users and % of its row,
 * shaded by that %. Totals in the last column and row.
 */
export function TransitionHeatTable({ matrix }: { matrix: TransitionMatrix }) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="transition-matrix">
      <caption className="sr-only">
        Users by segment on {matrix.from.asOfDay} (rows) and on {matrix.to.asOfDay} (columns)
      </caption>
      <thead>
        <tr>
          <th scope="col" className={th}>
            {matrix.from.asOfDay} ↓ / {matrix.to.asOfDay} →
          </th>
          {matrix.columns.map((column) => (
            <th key={column} scope="col" className={`${th} text-right`}>
              {column}
            </th>
          ))}
          <th scope="col" className={`${th} text-right`}>
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row, r) => (
          <tr key={row} data-testid="transition-row" data-from={row}>
            <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left font-medium text-slate-800">
              {row}
            </th>
            {matrix.columns.map((column, c) => {
              const users = matrix.counts[r]![c]!;
              const percent = matrix.rowPercents[r]![c]!;
              return (
                <td
                  key={column}
                  data-testid="transition-cell"
                  data-to={column}
                  data-users={users}
                  title={`${formatCount(users)} of ${formatCount(matrix.rowTotals[r]!)} users in ${row} on ${matrix.from.asOfDay} were in ${column} on ${matrix.to.asOfDay}`}
                  className="border-b border-slate-100 px-3 py-2 text-right tabular-nums"
                  style={percent === null || users === 0 ? undefined : retentionHeat(percent)}
                >
                  <span className="font-medium">{formatCount(users)}</span>
                  <span className="ml-1 text-xs opacity-80">{percent === null ? "—" : `${formatDecimal(percent)}%`}</span>
                </td>
              );
            })}
            <td data-testid="row-total" className="border-b border-slate-100 px-3 py-2 text-right font-semibold tabular-nums">
              {formatCount(matrix.rowTotals[r]!)}
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="px-3 py-2 text-left font-semibold text-slate-800">
            Total
          </th>
          {matrix.columnTotals.map((users, c) => (
            <td key={matrix.columns[c]} data-testid="column-total" className="px-3 py-2 text-right font-semibold tabular-nums">
              {formatCount(users)}
            </td>
          ))}
          <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatCount(matrix.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
