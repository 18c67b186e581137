"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { LifecycleResult } from "@/lib/lifecycle/lifecycle.types";
import { formatUsers, intervalLabel } from "./activity-labels";

/** Status colours in PostHog's spirit: growth in blue/green/purple, loss in red below zero. */
export const LIFECYCLE_SERIES = [
  { key: "new", label: "New", color: "#2563eb" },
  { key: "returning", label: "Returning", color: "#16a34a" },
  { key: "resurrecting", label: "Resurrecting", color: "#9333ea" },
  { key: "dormant", label: "Dormant", color: "#dc2626" },
] as const;

type Row = LifecycleResult["intervals"][number];

function LifecycleTooltip({ active, payload, result }: Pick<TooltipContentProps<number, string>, "active" | "payload"> & { result: LifecycleResult }) {
  const row = payload?.[0]?.payload as (Row & { label: string }) | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">
        {result.interval === "day" ? row.start : `${row.start} – ${row.end}`}
        {row.partial && <span className="ml-1 font-normal text-amber-700">(under way)</span>}
      </div>
      <table>
        <tbody>
          {LIFECYCLE_SERIES.map((series) => (
            <tr key={series.key}>
              <td className="pr-3">
                <span className="mr-1 inline-block size-2 rounded-sm" style={{ background: series.color }} />
                {series.label}
              </td>
              <td className="text-right font-medium tabular-nums">{formatUsers(row[series.key])}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-100">
            <td className="pr-3 pt-1 text-slate-600">Active</td>
            <td className="pt-1 text-right font-medium tabular-nums">{formatUsers(row.active)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Stacked bars per interval: new, returning and resurrecting above zero, dormant below (stackOffset "sign"). */
export function LifecycleChart({ result }: { result: LifecycleResult }) {
  const data = result.intervals.map((row) => ({ ...row, label: `${intervalLabel(row.start, result.interval)}${row.partial ? "*" : ""}` }));
  const unit = result.interval === "week" ? "week starting (ISO, Monday)" : result.interval;
  return (
    <ResponsiveContainer width="100%" height={320}>
      <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={12} label={{ value: `${unit} (${result.timezone}); * = under way`, position: "insideBottom", offset: -14 }} />
        <YAxis allowDecimals={false} width={64} tickFormatter={(value: number) => formatUsers(value)} label={{ value: "users", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        <ReferenceLine y={0} stroke="#64748b" />
        <Tooltip content={(props) => <LifecycleTooltip active={props.active} payload={props.payload} result={result} />} cursor={{ fill: "#f1f5f9" }} />
        {/* Legend in the fixed status order (recharts sorts by label otherwise). */}
        <Legend verticalAlign="top" height={28} itemSorter={(item) => LIFECYCLE_SERIES.findIndex((series) => series.key === item.dataKey)} />
        {LIFECYCLE_SERIES.map((series) => (
          <Bar key={series.key} dataKey={series.key} name={series.label} stackId="lifecycle" fill={series.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
