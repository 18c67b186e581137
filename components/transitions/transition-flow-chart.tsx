"use client";

import { Rectangle, ResponsiveContainer, Sankey, Tooltip, type SankeyNodeProps } from "recharts";
import { formatCount } from "@/components/format/numbers";
import { seriesColors } from "@/lib/charts/series-colors";
import type { TransitionMatrix } from "@/lib/snapshots/snapshot.types";
import { isAbsence, sankeyData, type FlowNode } from "./sankey-data";

const ABSENT_COLOR = "#cbd5e1";
/** Segment colours of a flow, distinct from each other; "not in the snapshot" nodes in grey. */
function flowColors(matrix: TransitionMatrix): (segment: string) => string {
  const colorOf = seriesColors(matrix.changes.map((change) => change.segment));
  return (segment) => (isAbsence(segment) ? ABSENT_COLOR : colorOf(segment));
}

/** A node: its segment's colour, labelled outside the chart's edge column (left nodes to the left, right to the right). */
function FlowNodeShape(props: SankeyNodeProps) {
  const { x, y, width, height, payload } = props;
  const node = payload as unknown as FlowNode & { value: number; color: string };
  const left = node.side === "from";
  return (
    <g data-testid="flow-node" data-side={node.side}>
      <Rectangle x={x} y={y} width={width} height={height} fill={node.color} fillOpacity={0.95} />
      <text
        x={left ? x - 8 : x + width + 8}
        y={y + height / 2}
        textAnchor={left ? "end" : "start"}
        dominantBaseline="middle"
        fontSize={12}
        fill="#334155"
      >
        {node.segment} · {formatCount(node.value)}
      </text>
    </g>
  );
}

/** Sankey-style flow from the segments at the first date (left) to those at the second (right). */
export function TransitionFlowChart({ matrix }: { matrix: TransitionMatrix }) {
  const { nodes, links } = sankeyData(matrix);
  const colorOf = flowColors(matrix);
  const data = {
    nodes: nodes.map((node) => ({ ...node, color: colorOf(node.segment) })),
    links: links.map((link) => ({ ...link, stroke: colorOf(link.segment), strokeOpacity: 0.35 })),
  };
  return (
    <div data-testid="transition-flow">
      <div className="mb-2 flex justify-between text-xs font-medium uppercase tracking-wide text-slate-500">
        <span>Segment on {matrix.from.asOfDay}</span>
        <span>Segment on {matrix.to.asOfDay}</span>
      </div>
      <ResponsiveContainer width="100%" height={340}>
        <Sankey data={data} node={FlowNodeShape} nodePadding={18} nodeWidth={12} margin={{ top: 8, bottom: 8, left: 150, right: 150 }} iterations={0}>
          <Tooltip formatter={(value) => [`${formatCount(Number(value))} users`, "Moved"]} />
        </Sankey>
      </ResponsiveContainer>
    </div>
  );
}

/** The flows as a table, for "View as table". */
export function TransitionFlowTable({ matrix }: { matrix: TransitionMatrix }) {
  const { nodes, links } = sankeyData(matrix);
  const th = "border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr>
          <th className={th}>On {matrix.from.asOfDay}</th>
          <th className={th}>On {matrix.to.asOfDay}</th>
          <th className={`${th} text-right`}>Users</th>
        </tr>
      </thead>
      <tbody>
        {links.map((link) => (
          <tr key={`${link.source}-${link.target}`}>
            <td className="border-b border-slate-100 px-3 py-2">{nodes[link.source]!.segment}</td>
            <td className="border-b border-slate-100 px-3 py-2">{nodes[link.target]!.segment}</td>
            <td className="border-b border-slate-100 px-3 py-2 text-right tabular-nums">{formatCount(link.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
