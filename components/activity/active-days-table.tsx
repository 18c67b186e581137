import { Table, tdNumericClass, thNumericClass } from "@/components/ui/table";
import type { StickinessResult } from "@/lib/stickiness/stickiness.types";
import { formatPercentOrDash, formatUsers } from "./activity-labels";

/** The active-days distribution as a table: user-weeks and share per number of active days. */
export function ActiveDaysTable({ distribution }: { distribution: StickinessResult["activeDaysPerWeek"] }) {
  return (
    <Table caption="Weekly-active users by active days per week" dense>
      <thead className="bg-slate-50">
        <tr>
          <th className={thNumericClass}>Active days</th>
          <th className={thNumericClass}>User-weeks</th>
          <th className={thNumericClass}>% of weekly-active</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {distribution.buckets.map((bucket) => (
          <tr key={bucket.days} data-testid="active-days-row" data-days={bucket.days}>
            <td className={tdNumericClass}>{bucket.days}</td>
            <td className={tdNumericClass} data-testid="active-days-users">
              {formatUsers(bucket.users)}
            </td>
            <td className={tdNumericClass} data-testid="active-days-percent">
              {formatPercentOrDash(bucket.percent)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot className="bg-slate-50">
        <tr>
          <td className={tdNumericClass}>Total</td>
          <td className={`${tdNumericClass} font-medium`} data-testid="active-days-total">
            {formatUsers(distribution.weeklyActiveUserWeeks)}
          </td>
          <td className={tdNumericClass}>{distribution.weeklyActiveUserWeeks === 0 ? "—" : "100%"}</td>
        </tr>
      </tfoot>
    </Table>
  );
}
