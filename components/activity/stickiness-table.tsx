import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { StickinessResult } from "@/lib/stickiness/stickiness.types";
import { formatPercentOrDash, formatUsers } from "./activity-labels";
import { STICKINESS_SERIES } from "./stickiness-chart";

/** DAU / WAU / MAU and DAU/MAU per day, newest first (the days people ask about). */
export function StickinessTable({ result }: { result: StickinessResult }) {
  return (
    <Table caption="DAU, WAU, MAU and DAU/MAU per day" dense>
      <thead className="bg-slate-50">
        <tr>
          <th className={thClass}>Day</th>
          {STICKINESS_SERIES.map((series) => (
            <th key={series.key} className={thNumericClass}>
              {series.label}
            </th>
          ))}
          <th className={thNumericClass}>DAU/MAU</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {[...result.daily].reverse().map((day) => (
          <tr key={day.day} data-testid="stickiness-row" data-day={day.day}>
            <td className={tdClass}>{day.day}</td>
            {STICKINESS_SERIES.map((series) => (
              <td key={series.key} className={tdNumericClass} data-testid={`stickiness-${series.key}`}>
                {formatUsers(day[series.key])}
              </td>
            ))}
            <td className={tdNumericClass} data-testid="stickiness-ratio">
              {formatPercentOrDash(day.dauMauPercent)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
