"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, tdNumericClass, thNumericClass } from "@/components/ui/table";
import type { ClusterResponse } from "@/lib/clustering/clustering.types";
import { ordinal } from "./cluster-format";

type Dbscan = ClusterResponse["dbscan"];

/** The k of the k-distance curve: the (minPts − 1)th nearest other user makes a user a core point. */
export function kDistanceNeighbour(dbscan: Dbscan): string {
  return `${ordinal(dbscan.minPts - 1)} nearest neighbour`;
}

/** Each sampled user's distance to its (minPts − 1)th nearest neighbour, sorted; the knee is the suggested eps. */
export function KDistanceChart({ dbscan }: { dbscan: Dbscan }) {
  const data = dbscan.kDistanceCurve.map((point) => ({ percent: point.share * 100, distance: point.distance }));
  const epsDiffers = Math.abs(dbscan.eps - dbscan.epsSuggested) > 1e-9;
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={data} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis
          dataKey="percent"
          type="number"
          domain={[0, 100]}
          unit="%"
          ticks={[0, 20, 40, 60, 80, 100]}
          label={{ value: "users, sorted by distance (%)", position: "insideBottom", offset: -12 }}
        />
        <YAxis
          width={64}
          tickFormatter={(value: number) => String(Number(value.toFixed(2)))}
          label={{ value: `distance to ${ordinal(dbscan.minPts - 1)} neighbour`, angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }}
        />
        <Tooltip
          formatter={(value) => (typeof value === "number" ? value.toFixed(3) : String(value))}
          labelFormatter={(percent) => `${Number(percent).toFixed(1)}% of users`}
        />
        <Legend verticalAlign="top" height={28} />
        <Line type="monotone" dataKey="distance" name={`distance to ${kDistanceNeighbour(dbscan)}`} stroke="#0f766e" strokeWidth={2} dot={false} isAnimationActive={false} />
        {/* The curve starts low and ends high: the label sits above the line on the left, clear of it. */}
        <ReferenceLine
          y={dbscan.epsSuggested}
          stroke="#dc2626"
          strokeDasharray="6 3"
          label={{ value: `suggested eps = ${dbscan.epsSuggested.toFixed(2)}`, position: "insideBottomLeft", fill: "#b91c1c", fontSize: 12 }}
        />
        {epsDiffers && (
          <ReferenceLine y={dbscan.eps} stroke="#64748b" strokeDasharray="2 2" label={{ value: `eps used = ${dbscan.eps.toFixed(2)}`, position: "insideTopRight", fill: "#475569", fontSize: 12 }} />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function KDistanceTable({ dbscan }: { dbscan: Dbscan }) {
  return (
    <Table caption={`Sorted distance to the ${kDistanceNeighbour(dbscan)}`}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thNumericClass}>Users (sorted, %)</th>
          <th scope="col" className={thNumericClass}>Distance to {kDistanceNeighbour(dbscan)}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {dbscan.kDistanceCurve.map((point) => (
          <tr key={point.share}>
            <td className={tdNumericClass}>{(point.share * 100).toFixed(1)}%</td>
            <td className={tdNumericClass}>{point.distance.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
