import { formatCount, formatDecimal } from "@/components/format/numbers";
import { seriesColors } from "@/lib/charts/series-colors";
import type { TransitionMatrix } from "@/lib/snapshots/snapshot.types";

/** One sentence per segment: how it changed and where its users came from and went. */
export function ChangeSummary({ matrix }: { matrix: TransitionMatrix }) {
  const colorOf = seriesColors(matrix.changes.map((change) => change.segment));
  return (
    <ul className="space-y-2 text-sm text-slate-700" aria-label="What changed">
      {matrix.changes.map((change) => (
        <li key={change.segment} data-testid="segment-change" data-segment={change.segment} className="flex gap-2">
          <span aria-hidden className="mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: colorOf(change.segment) }} />
          <span>{change.summary}</span>
        </li>
      ))}
    </ul>
  );
}

/** The same numbers as a table, for "View as table". */
export function ChangeTable({ matrix }: { matrix: TransitionMatrix }) {
  const th = "border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr>
          <th className={th}>Segment</th>
          <th className={`${th} text-right`}>{matrix.from.asOfDay}</th>
          <th className={`${th} text-right`}>{matrix.to.asOfDay}</th>
          <th className={`${th} text-right`}>Change</th>
          <th className={`${th} text-right`}>Stayed</th>
          <th className={th}>Came from</th>
          <th className={th}>Went to</th>
        </tr>
      </thead>
      <tbody>
        {matrix.changes.map((change) => (
          <tr key={change.segment}>
            <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left font-medium">
              {change.segment}
            </th>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">{formatCount(change.from)}</td>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">{formatCount(change.to)}</td>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">
              {change.changePercent === null ? "—" : `${change.changePercent > 0 ? "+" : ""}${formatDecimal(change.changePercent)}%`}
            </td>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">{formatCount(change.stayed)}</td>
            <td className="border-b border-slate-100 px-3 py-2">{change.inflows.map((flow) => `${flow.segment} ${formatCount(flow.users)}`).join(", ") || "—"}</td>
            <td className="border-b border-slate-100 px-3 py-2">{change.outflows.map((flow) => `${flow.segment} ${formatCount(flow.users)}`).join(", ") || "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
