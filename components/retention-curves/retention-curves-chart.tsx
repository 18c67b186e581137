"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { OVERALL_COLOR, seriesColor } from "@/lib/charts/series-colors";
import type { RetentionCurves } from "@/lib/retention-curves/retention-curves.types";
import { formatCurveCount, formatCurvePercent, periodName } from "./curve-labels";

function CurvesTooltip({ active, label, curves }: Pick<TooltipContentProps<number, string>, "active" | "label"> & { curves: RetentionCurves }) {
  if (!active || label === undefined) return null;
  const period = Number(label);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md" data-testid="curves-tooltip">
      <div className="mb-1 font-semibold text-slate-800">{periodName(curves.period, period)} since first seen</div>
      <table>
        <tbody>
          {curves.series.map((series) => {
            const point = series.points[period]!;
            return (
              <tr key={series.name}>
                <td className="pr-2">
                  <span className="mr-1 inline-block size-2 rounded-full" style={{ background: series.overall ? OVERALL_COLOR : seriesColor(series.name) }} />
                  {series.name}
                </td>
                <td className="pr-2 text-right font-medium tabular-nums">{formatCurvePercent(point)}</td>
                <td className="text-right text-slate-500 tabular-nums">n = {point.eligible.toLocaleString("en-US")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-1 text-slate-500">{formatCurveCount(curves.series[0]!.points[period]!)} overall</div>
    </div>
  );
}

/** One line per group, the overall "Everyone" line dashed; y = % of the eligible users active. */
export function RetentionCurvesChart({ curves }: { curves: RetentionCurves }) {
  const data = Array.from({ length: curves.periods + 1 }, (_, period) => {
    const row: Record<string, number | null> = { period };
    for (const series of curves.series) row[series.name] = series.points[period]!.percent;
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="period" type="number" domain={[0, curves.periods]} allowDecimals={false} tickCount={Math.min(curves.periods + 1, 14)} label={{ value: `${curves.period}s since first seen`, position: "insideBottom", offset: -12 }} />
        <YAxis domain={[0, 100]} unit="%" width={56} label={{ value: "% of users active", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        <Tooltip content={(props) => <CurvesTooltip active={props.active} label={props.label} curves={curves} />} />
        <Legend verticalAlign="top" height={28} />
        {curves.series.map((series) => (
          <Line
            key={series.name}
            dataKey={series.name}
            name={series.overall ? `${series.name} (overall)` : series.name}
            stroke={series.overall ? OVERALL_COLOR : seriesColor(series.name)}
            strokeDasharray={series.overall ? "6 4" : undefined}
            strokeWidth={series.overall ? 2.5 : 2}
            dot={{ r: 2.5 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
