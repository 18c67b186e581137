"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { SeriesPointTooltip } from "@/components/charts/series-point-tooltip";
import { lineColors } from "@/lib/charts/series-colors";
import type { TimeToConvert } from "@/lib/time-to-convert/time-to-convert.types";
import { formatConvertCount, formatConvertPercent } from "./convert-labels";

function ConvertTooltip({ active, label, result }: Pick<TooltipContentProps<number, string>, "active" | "label"> & { result: TimeToConvert }) {
  if (!active || label === undefined) return null;
  const day = Number(label);
  const colorOf = lineColors(result.series);
  return (
    <SeriesPointTooltip
      testId="convert-tooltip"
      title={`Within ${day} days of signup`}
      rows={result.series.map((series) => ({ name: series.name, color: colorOf(series), value: formatConvertPercent(series.points[day]!), n: series.points[day]!.eligible }))}
      footer={`${formatConvertCount(result.series[0]!.points[day]!)} overall`}
    />
  );
}

/** Conversion rates are often a few percent: a fixed 0–100% axis would flatten every curve onto the floor. */
function zoomedPercentMax(dataMax: number): number {
  return Math.min(100, Math.max(5, Math.ceil(dataMax / 5) * 5));
}

/** Cumulative % converted by day since signup, one line per group, "Everyone" dashed. */
export function TimeToConvertChart({ result }: { result: TimeToConvert }) {
  const data = Array.from({ length: result.days + 1 }, (_, day) => {
    const row: Record<string, number | null> = { day };
    for (const series of result.series) row[series.name] = series.points[day]!.percent;
    return row;
  });
  const colorOf = lineColors(result.series);
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="day" type="number" domain={[0, result.days]} allowDecimals={false} label={{ value: "days since signup", position: "insideBottom", offset: -12 }} />
        <YAxis domain={[0, zoomedPercentMax]} unit="%" width={56} label={{ value: "% converted", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        <Tooltip content={(props) => <ConvertTooltip active={props.active} label={props.label} result={result} />} />
        <Legend verticalAlign="top" height={28} />
        {result.series.map((series) => (
          <Line
            key={series.name}
            type="stepAfter"
            dataKey={series.name}
            name={series.overall ? `${series.name} (overall)` : series.name}
            stroke={colorOf(series)}
            strokeDasharray={series.overall ? "6 4" : undefined}
            strokeWidth={series.overall ? 2.5 : 2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
