"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, tdNumericClass, thNumericClass } from "@/components/ui/table";
import type { ClusterResponse } from "@/lib/clustering/clustering.types";

type KCurve = ClusterResponse["kCurve"];

/** Y ticks every 0.1 from min(0, lowest) to the highest, rounded out (recharts' own ticks skip steps here). */
function silhouetteTicks(curve: KCurve): number[] {
  const low = Math.min(0, Math.floor(Math.min(...curve.map((point) => point.silhouette)) * 10));
  const high = Math.min(10, Math.ceil(Math.max(...curve.map((point) => point.silhouette)) * 10));
  return Array.from({ length: high - low + 1 }, (_, index) => (low + index) / 10);
}

/** k-means silhouette for each k tried; the chosen k is marked. */
export function SilhouetteCurveChart({ curve, chosenK }: { curve: KCurve; chosenK: number }) {
  const chosen = curve.find((point) => point.k === chosenK);
  const ticks = silhouetteTicks(curve);
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={curve} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="k" type="number" domain={["dataMin", "dataMax"]} allowDecimals={false} tickCount={curve.length} label={{ value: "k (clusters)", position: "insideBottom", offset: -12 }} />
        <YAxis
          width={64}
          domain={[ticks[0]!, ticks.at(-1)!]}
          ticks={ticks}
          tickFormatter={(value: number) => value.toFixed(1)}
          label={{ value: "silhouette", angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(3) : String(value))} labelFormatter={(k) => `k = ${k}`} />
        <Legend verticalAlign="top" height={28} />
        <Line type="monotone" dataKey="silhouette" name="k-means silhouette" stroke="#4f46e5" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        {chosen && <ReferenceDot x={chosen.k} y={chosen.silhouette} r={7} fill="none" stroke="#dc2626" strokeWidth={2} label={{ value: `chosen k = ${chosen.k}`, position: "top", fill: "#b91c1c", fontSize: 12 }} />}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function SilhouetteCurveTable({ curve }: { curve: KCurve }) {
  return (
    <Table caption="k-means silhouette and inertia by number of clusters">
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thNumericClass}>k (clusters)</th>
          <th scope="col" className={thNumericClass}>Silhouette</th>
          <th scope="col" className={thNumericClass}>Inertia</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {curve.map((point) => (
          <tr key={point.k}>
            <td className={tdNumericClass}>{point.k}</td>
            <td className={tdNumericClass}>{point.silhouette.toFixed(3)}</td>
            <td className={tdNumericClass}>{point.inertia.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
