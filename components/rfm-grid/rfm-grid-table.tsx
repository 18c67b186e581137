import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { RfmGrid } from "@/lib/rfm-grid/rfm-grid.types";
import { formatAverageMonetary, formatCellPercent } from "./rfm-cell-format";

/** The grid's 25 cells as rows: scores, segment, users, % and average monetary. */
export function RfmGridTable({ grid }: { grid: RfmGrid }) {
  return (
    <Table caption="RFM grid cells: recency score, frequency score, segment, users, share of users in view and average monetary value" dense>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thNumericClass}>
            R
          </th>
          <th scope="col" className={thNumericClass}>
            F
          </th>
          <th scope="col" className={thClass}>
            Segment
          </th>
          <th scope="col" className={thNumericClass}>
            Users
          </th>
          <th scope="col" className={thNumericClass}>
            % of users
          </th>
          <th scope="col" className={thNumericClass}>
            Avg monetary
          </th>
        </tr>
      </thead>
      <tbody>
        {grid.cells.map((cell) => (
          <tr key={`${cell.recencyScore}-${cell.frequencyScore}`} data-testid="rfm-table-row" data-r={cell.recencyScore} data-f={cell.frequencyScore}>
            <td className={tdNumericClass}>{cell.recencyScore}</td>
            <td className={tdNumericClass}>{cell.frequencyScore}</td>
            <td className={tdClass}>{cell.segment}</td>
            <td className={tdNumericClass}>{cell.users.toLocaleString("en-US")}</td>
            <td className={tdNumericClass}>{formatCellPercent(cell)}</td>
            <td className={tdNumericClass}>{formatAverageMonetary(cell)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
