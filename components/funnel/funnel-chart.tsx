"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { FunnelResult } from "@/lib/funnel/funnel.types";
import { chartSeries, formatFunnelPercent, formatUsers, seriesFills } from "./funnel-labels";

function FunnelTooltip({ active, label, funnel }: Pick<TooltipContentProps<number, string>, "active" | "label"> & { funnel: FunnelResult }) {
  if (!active || label === undefined) return null;
  const index = funnel.steps.findIndex((_, at) => stepAxisLabel(funnel, at) === label);
  if (index < 0) return null;
  const fillOf = seriesFills(funnel);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">{label}</div>
      <table>
        <tbody>
          {chartSeries(funnel).map((series) => {
            const step = series.steps[index]!;
            return (
              <tr key={series.name}>
                <td className="pr-2">
                  <span className="mr-1 inline-block size-2 rounded-full" style={{ background: fillOf(series.name) }} />
                  {series.name}
                </td>
                <td className="pr-2 text-right font-medium tabular-nums">{formatUsers(step.users)} users</td>
                <td className="text-right text-slate-500 tabular-nums">{formatFunnelPercent(step.percentOfFirst)} of step 1</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function stepAxisLabel(funnel: FunnelResult, index: number): string {
  return `${index + 1}. ${funnel.series[0]!.steps[index]!.label}`;
}

/** Users per step: one bar per step, grouped by breakdown series (coloured as on every page). */
export function FunnelChart({ funnel }: { funnel: FunnelResult }) {
  const series = chartSeries(funnel);
  const data = funnel.steps.map((_, index) => ({ step: stepAxisLabel(funnel, index), values: series.map((entry) => entry.steps[index]!.users) }));
  const fillOf = seriesFills(funnel);
  return (
    <ResponsiveContainer width="100%" height={320}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="step" interval={0} tick={{ fontSize: 12 }} label={{ value: "Funnel step", position: "insideBottom", offset: -14 }} />
        <YAxis allowDecimals={false} width={64} tickFormatter={formatUsers} label={{ value: "Users", angle: -90, position: "insideLeft", offset: 0, style: { textAnchor: "middle" } }} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} content={(props) => <FunnelTooltip active={props.active} label={props.label} funnel={funnel} />} />
        {/* itemSorter null: legend in series order (largest group first), like the bars, not alphabetical. */}
        <Legend verticalAlign="top" height={28} itemSorter={null} />
        {series.map((entry, index) => (
          // A function dataKey: series names may contain dots, which recharts would read as a path.
          <Bar key={entry.name} name={entry.name} dataKey={(row: (typeof data)[number]) => row.values[index]} fill={fillOf(entry.name)} maxBarSize={72} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
