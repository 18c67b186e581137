"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { AhaThreshold, Outcome } from "@/lib/insights/insights.types";
import { countText, OUTCOME_LABELS, rateText } from "./insight-labels";

const WITH_COLOR = "#4f46e5";
const WITHOUT_COLOR = "#f59e0b";
const COVERAGE_COLOR = "#94a3b8";

interface AhaChartProps {
  threshold: AhaThreshold;
  outcome: Outcome;
  subjectLabel: string;
}

function AhaTooltip({ active, label, threshold, subjectLabel }: Pick<TooltipContentProps<number, string>, "active" | "label"> & { threshold: AhaThreshold; subjectLabel: string }) {
  if (!active || label === undefined) return null;
  const point = threshold.curve.find((entry) => entry.k === Number(label));
  if (!point) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md" data-testid="aha-tooltip">
      <div className="mb-1 font-semibold text-slate-800">
        At least {point.k} {subjectLabel}
      </div>
      <div>
        ≥ {point.k}: {rateText(point.rateWith)} (n = {countText(point.usersWith)})
      </div>
      <div>
        &lt; {point.k}: {rateText(point.rateWithout)} (n = {countText(point.usersWithout)})
      </div>
      <div className="text-slate-500">Coverage {rateText(point.coverage)}</div>
      {point.smallSample && <div className="mt-1 text-amber-700">Small sample: treat as a hint.</div>}
    </div>
  );
}

/** Outcome rate of users with ≥ k against < k, and the share with ≥ k, over k; the best k marked. */
export function AhaThresholdChart({ threshold, outcome, subjectLabel }: AhaChartProps) {
  const toPercent = (share: number | null) => (share === null ? null : share * 100);
  const data = threshold.curve.map((point) => ({
    k: point.k,
    with: toPercent(point.rateWith),
    without: toPercent(point.rateWithout),
    coverage: point.coverage * 100,
  }));
  const rate = OUTCOME_LABELS[outcome];
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="k" type="number" domain={[1, threshold.curve.length]} allowDecimals={false} tickCount={threshold.curve.length} label={{ value: `k = at least k ${subjectLabel}`, position: "insideBottom", offset: -12 }} />
        <YAxis domain={[0, 100]} unit="%" width={56} label={{ value: `% of users`, angle: -90, position: "insideLeft", offset: 4, style: { textAnchor: "middle" } }} />
        <Tooltip content={(props) => <AhaTooltip active={props.active} label={props.label} threshold={threshold} subjectLabel={subjectLabel} />} />
        {/* Children order (≥ k, < k, coverage), not alphabetical. */}
        <Legend verticalAlign="top" height={28} itemSorter={null} />
        {threshold.bestK !== null && <ReferenceLine x={threshold.bestK} stroke="#16a34a" strokeDasharray="4 3" label={{ value: `best k = ${threshold.bestK}`, position: "insideTopRight", fill: "#15803d", fontSize: 12 }} />}
        <Line dataKey="with" name={`${rate} with ≥ k`} stroke={WITH_COLOR} strokeWidth={2.5} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        <Line dataKey="without" name={`${rate} with < k`} stroke={WITHOUT_COLOR} strokeWidth={2.5} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        <Line dataKey="coverage" name="coverage (share with ≥ k)" stroke={COVERAGE_COLOR} strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
