
export interface SeriesPointRow {
  name: string;
  /** The series' line colour. */
  color: string;
  /** The formatted value ("66.7%", "—"). */
  value: string;
  /** Users behind the value. */
  n: number;
}

/** A line chart's tooltip for one x value: each series' value and n, and a footer line. */
export function SeriesPointTooltip({ title, rows, footer, testId }: { title: string; rows: SeriesPointRow[]; footer: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md" data-testid={testId}>
      <div className="mb-1 font-semibold text-slate-800">{title}</div>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td className="pr-2">
                <span className="mr-1 inline-block size-2 rounded-full" style={{ background: row.color }} />
                {row.name}
              </td>
              <td className="pr-2 text-right font-medium tabular-nums">{row.value}</td>
              <td className="text-right text-slate-500 tabular-nums">n = {row.n.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-1 text-slate-500">{footer}</div>
    </div>
  );
}
