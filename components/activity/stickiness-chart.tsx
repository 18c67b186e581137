"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { industryThreshold } from "@/lib/definitions/industry-thresholds";
import type { StickinessResult } from "@/lib/stickiness/stickiness.types";
import { formatPercentOrDash, formatUsers, intervalLabel } from "./activity-labels";

export const STICKINESS_SERIES = [
  { key: "dau", label: "DAU", color: "#2563eb" },
  { key: "wau", label: "WAU (7 days)", color: "#16a34a" },
  { key: "mau", label: "MAU (30 days)", color: "#9333ea" },
] as const;
const RATIO_COLOR = "#ea580c";
/** DAU/MAU ≥ 20%: the daily-product rule of thumb (lib/definitions/industry-thresholds.ts; source in the card's info tooltip). */
export const DAILY_PRODUCT_DAU_MAU = industryThreshold("dau-mau-daily-product").value;

type Day = StickinessResult["daily"][number];

function StickinessTooltip({ active, payload }: Pick<TooltipContentProps<number, string>, "active" | "payload">) {
  const day = payload?.[0]?.payload as Day | undefined;
  if (!active || !day) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-semibold text-slate-800">{day.day}</div>
      <table>
        <tbody>
          {STICKINESS_SERIES.map((series) => (
            <tr key={series.key}>
              <td className="pr-3">
                <span className="mr-1 inline-block size-2 rounded-full" style={{ background: series.color }} />
                {series.label}
              </td>
              <td className="text-right font-medium tabular-nums">{formatUsers(day[series.key])}</td>
            </tr>
          ))}
          <tr>
            <td className="pr-3">
              <span className="mr-1 inline-block size-2 rounded-full" style={{ background: RATIO_COLOR }} />
              DAU/MAU
            </td>
            <td className="text-right font-medium tabular-nums">{formatPercentOrDash(day.dauMauPercent)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** DAU, WAU and MAU (users, left axis) and DAU/MAU (%, right axis, dashed) per local day. */
export function StickinessChart({ result }: { result: StickinessResult }) {
  const data = result.daily.map((day) => ({ ...day, label: intervalLabel(day.day, "day") }));
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={24} label={{ value: `day (${result.timezone})`, position: "insideBottom", offset: -14 }} />
        <YAxis yAxisId="users" allowDecimals={false} width={64} tickFormatter={(value: number) => formatUsers(value)} label={{ value: "users", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        <YAxis yAxisId="ratio" orientation="right" domain={[0, 100]} unit="%" width={56} label={{ value: "DAU/MAU", angle: 90, position: "insideRight", offset: 4, style: { textAnchor: "middle" } }} />
        <Tooltip content={(props) => <StickinessTooltip active={props.active} payload={props.payload} />} />
        {/* DAU, WAU, MAU, then the ratio (recharts sorts by label otherwise). */}
        <Legend verticalAlign="top" height={28} itemSorter={(item) => (item.dataKey === "dauMauPercent" ? STICKINESS_SERIES.length : STICKINESS_SERIES.findIndex((series) => series.key === item.dataKey))} />
        {STICKINESS_SERIES.map((series) => (
          <Line key={series.key} yAxisId="users" dataKey={series.key} name={series.label} stroke={series.color} strokeWidth={2} dot={false} isAnimationActive={false} />
        ))}
        <ReferenceLine
          yAxisId="ratio"
          y={DAILY_PRODUCT_DAU_MAU}
          stroke={RATIO_COLOR}
          strokeOpacity={0.55}
          strokeDasharray="2 3"
          ifOverflow="extendDomain"
          label={{ value: `${DAILY_PRODUCT_DAU_MAU}% DAU/MAU: daily-product rule of thumb`, position: "insideTopRight", fill: "#9a3412", fontSize: 11 }}
        />
        <Line yAxisId="ratio" dataKey="dauMauPercent" name="DAU/MAU %" stroke={RATIO_COLOR} strokeDasharray="5 4" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
