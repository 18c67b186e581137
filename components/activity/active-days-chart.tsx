"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { ActiveDaysBucket } from "@/lib/stickiness/stickiness.types";
import { formatPercentOrDash, formatUsers } from "./activity-labels";

const BAR_COLOR = "#4f46e5";

function ActiveDaysTooltip({ active, payload }: Pick<TooltipContentProps<number, string>, "active" | "payload">) {
  const bucket = payload?.[0]?.payload as ActiveDaysBucket | undefined;
  if (!active || !bucket) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <div className="font-semibold text-slate-800">
        Active on {bucket.days} day{bucket.days === 1 ? "" : "s"} of the week
      </div>
      <div className="tabular-nums">
        {formatPercentOrDash(bucket.percent)} of weekly-active users ({formatUsers(bucket.users)} user-weeks)
      </div>
    </div>
  );
}

/** Share of weekly-active users by number of active days (1–7) in a full week. */
export function ActiveDaysChart({ buckets }: { buckets: readonly ActiveDaysBucket[] }) {
  const data = buckets.map((bucket) => ({ ...bucket, share: bucket.percent ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 20, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="days" label={{ value: "active days in the week (of 7)", position: "insideBottom", offset: -14 }} />
        <YAxis unit="%" width={56} domain={[0, (max: number) => Math.min(100, Math.ceil(max / 10) * 10)]} label={{ value: "% of weekly-active users", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        <Tooltip content={(props) => <ActiveDaysTooltip active={props.active} payload={props.payload} />} cursor={{ fill: "#f1f5f9" }} />
        <Legend verticalAlign="top" height={28} />
        <Bar dataKey="share" name="% of weekly-active users" fill={BAR_COLOR} isAnimationActive={false}>
          <LabelList dataKey="percent" position="top" formatter={(value: unknown) => formatPercentOrDash(typeof value === "number" ? value : null)} className="fill-slate-600 text-xs" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
