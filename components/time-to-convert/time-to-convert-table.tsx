import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { TimeToConvert } from "@/lib/time-to-convert/time-to-convert.types";
import { formatConvertCount, formatConvertPercent, formatMedianDays } from "./convert-labels";

/** Days shown as table columns: every day up to 14, then weekly, and always the last day. */
export function tableDays(days: number): number[] {
  const shown: number[] = [];
  for (let day = 0; day <= days; day++) if (day <= 14 || day % 7 === 0 || day === days) shown.push(day);
  return shown;
}

/** The chart's numbers: one row per series with its converters and median, "% n=…" per day. */
export function TimeToConvertTable({ result }: { result: TimeToConvert }) {
  const days = tableDays(result.days);
  return (
    <Table caption={`Cumulative % converted by day since signup, by ${result.groupLabel} (n = users observed at least that many days)`} dense>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thClass}>
            Series
          </th>
          <th scope="col" className={thNumericClass}>
            Users
          </th>
          <th scope="col" className={thNumericClass}>
            Converters
          </th>
          <th scope="col" className={thNumericClass}>
            Median days
          </th>
          {days.map((day) => (
            <th key={day} scope="col" className={thNumericClass}>
              day {day}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.series.map((series) => (
          <tr key={series.name} data-testid="convert-row" data-series={series.name}>
            <th scope="row" className={`${tdClass} font-medium whitespace-nowrap`}>
              {series.name}
            </th>
            <td className={tdNumericClass}>{series.size.toLocaleString("en-US")}</td>
            <td className={tdNumericClass} data-testid="convert-converters">
              {series.converters.toLocaleString("en-US")}
            </td>
            <td className={tdNumericClass} data-testid="convert-median">
              {formatMedianDays(series.medianDays)}
            </td>
            {days.map((day) => {
              const point = series.points[day]!;
              return (
                <td
                  key={day}
                  className={`${tdNumericClass} whitespace-nowrap`}
                  title={formatConvertCount(point)}
                  data-testid="convert-cell"
                  data-day={day}
                  data-converted={point.converted}
                  data-eligible={point.eligible}
                >
                  {formatConvertPercent(point)} <span className="text-slate-400">n={point.eligible.toLocaleString("en-US")}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
