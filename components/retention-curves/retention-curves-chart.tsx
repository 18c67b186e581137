"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { SeriesPointTooltip } from "@/components/charts/series-point-tooltip";
import { lineColors } from "@/lib/charts/series-colors";
import type { RetentionCurves } from "@/lib/retention-curves/retention-curves.types";
import { formatCurveCount, formatCurvePercent, periodName } from "./curve-labels";

function CurvesTooltip({ active, label, curves }: Pick<TooltipContentProps<number, string>, "active" | "label"> & { curves: RetentionCurves }) {
  if (!active || label === undefined) return null;
  const period = Number(label);
  const colorOf = lineColors(curves.series);
  return (
    <SeriesPointTooltip
      testId="curves-tooltip"
      title={`${periodName(curves.period, period)} since first seen`}
      rows={curves.series.map((series) => ({ name: series.name, color: colorOf(series), value: formatCurvePercent(series.points[period]!), n: series.points[period]!.eligible }))}
      footer={`${formatCurveCount(curves.series[0]!.points[period]!)} overall`}
    />
  );
}

/** One line per group, the overall "Everyone" line dashed; y = % of the eligible users active. */
export function RetentionCurvesChart({ curves }: { curves: RetentionCurves }) {
  const data = Array.from({ length: curves.periods + 1 }, (_, period) => {
    const row: Record<string, number | null> = { period };
    for (const series of curves.series) row[series.name] = series.points[period]!.percent;
    return row;
  });
  const colorOf = lineColors(curves.series);
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
            stroke={colorOf(series)}
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
