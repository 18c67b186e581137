"use client";

import type { CSSProperties } from "react";
import { seriesColors } from "@/lib/charts/series-colors";
import type { RfmGrid, RfmGridCell } from "@/lib/rfm-grid/rfm-grid.types";
import { cellHeat, describeCell, formatAverageMonetary, formatCellPercent } from "./rfm-cell-format";

const SEGMENT_EDGE = "3px solid";

function at(grid: RfmGrid, r: number, f: number): RfmGridCell | undefined {
  return grid.cells.find((cell) => cell.recencyScore === r && cell.frequencyScore === f);
}

/** The grid's named segments' colours, distinct from each other (as in the legend). */
function rfmSegmentColors(grid: RfmGrid): (segment: string) => string {
  return seriesColors(grid.segments.map((segment) => segment.name));
}

/** A coloured edge on each side where the neighbouring cell belongs to another segment (or there is none). */
function segmentEdges(grid: RfmGrid, cell: RfmGridCell): CSSProperties {
  const color = rfmSegmentColors(grid)(cell.segment);
  const edge = (r: number, f: number) => (at(grid, r, f)?.segment === cell.segment ? "1px solid #ffffff" : `${SEGMENT_EDGE} ${color}`);
  const { recencyScore: r, frequencyScore: f } = cell;
  // Rows go R5 (top) → R1 (bottom): the cell above has R + 1.
  return { borderTop: edge(r + 1, f), borderBottom: edge(r - 1, f), borderLeft: edge(r, f - 1), borderRight: edge(r, f + 1) };
}

/**
 * The 5×5 heat grid: rows recency score 5 → 1, columns frequency score 1 → 5;
 * shade = share of users, coloured edges outline each named segment and the
 * segment's name is written in its top-left cell. Cells are buttons: click
 * (or Enter) lists their users.
 */
export function RfmHeatGrid({ grid, selected, onSelect }: { grid: RfmGrid; selected: { r: number; f: number } | null; onSelect: (cell: { r: number; f: number }) => void }) {
  const maxPercent = Math.max(0, ...grid.cells.map((cell) => cell.percent ?? 0));
  const labelled = new Set<string>();
  return (
    <div className="flex gap-3">
      <div className="flex w-6 items-center justify-center">
        <span className="-rotate-90 text-xs font-medium whitespace-nowrap text-slate-600">Recency score (5 = most recent)</span>
      </div>
      <div className="flex-1">
        <div className="grid grid-cols-[2rem_repeat(5,minmax(0,1fr))] gap-0" role="grid" aria-label="RFM grid: recency score rows by frequency score columns">
          {[5, 4, 3, 2, 1].map((r) => (
            <div key={r} role="row" className="contents">
              <div role="rowheader" className="flex items-center justify-center text-sm font-semibold text-slate-600">
                R{r}
              </div>
              {[1, 2, 3, 4, 5].map((f) => {
                const cell = at(grid, r, f)!;
                const showLabel = !labelled.has(cell.segment);
                labelled.add(cell.segment);
                const isSelected = selected?.r === r && selected?.f === f;
                return (
                  <div key={f} role="gridcell" className="group relative">
                    <button
                      type="button"
                      onClick={() => onSelect({ r, f })}
                      aria-pressed={isSelected}
                      aria-label={describeCell(cell)}
                      data-testid="rfm-cell"
                      data-r={r}
                      data-f={f}
                      data-users={cell.users}
                      data-segment={cell.segment}
                      className={`flex h-[4.75rem] w-full flex-col items-start justify-between px-2 py-1.5 text-left focus-visible:outline-2 focus-visible:outline-offset-[-4px] focus-visible:outline-indigo-900 ${isSelected ? "ring-4 ring-amber-400 ring-inset" : ""}`}
                      style={{ ...cellHeat(cell, maxPercent), ...segmentEdges(grid, cell) }}
                    >
                      <span className="min-h-4 text-[11px] leading-tight font-semibold">{showLabel ? cell.segment : ""}</span>
                      <span className="text-base leading-tight font-semibold tabular-nums" data-testid="rfm-cell-users">
                        {cell.users.toLocaleString("en-US")}
                      </span>
                      <span className="text-[11px] leading-tight tabular-nums opacity-90" data-testid="rfm-cell-percent">
                        {formatCellPercent(cell)} · avg {formatAverageMonetary(cell)}
                      </span>
                    </button>
                    <div
                      role="tooltip"
                      className="pointer-events-none invisible absolute top-full left-1/2 z-20 mt-1 w-56 -translate-x-1/2 rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-700 shadow-lg group-focus-within:visible group-hover:visible"
                    >
                      <div className="font-semibold text-slate-900">
                        R{r} F{f} · {cell.segment}
                      </div>
                      <div>{cell.users.toLocaleString("en-US")} users ({formatCellPercent(cell)} of users in view)</div>
                      <div>Average monetary {formatAverageMonetary(cell)}</div>
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
          <div />
          {[1, 2, 3, 4, 5].map((f) => (
            <div key={f} className="pt-1 text-center text-sm font-semibold text-slate-600">
              F{f}
            </div>
          ))}
        </div>
        <div className="mt-1 text-center text-xs font-medium text-slate-600">Frequency score (5 = most frequent)</div>
      </div>
    </div>
  );
}

/** Named segments with their colour and size (= the sum of their cells). */
export function RfmLegend({ grid }: { grid: RfmGrid }) {
  const colorOf = rfmSegmentColors(grid);
  return (
    <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Segments">
      {grid.segments.map((segment) => (
        <li key={segment.name} className="flex items-center gap-1.5" data-testid="rfm-legend-item" data-segment={segment.name} data-users={segment.users}>
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border-2" style={{ borderColor: colorOf(segment.name) }} />
          {segment.name} <span className="text-slate-500 tabular-nums">{segment.users.toLocaleString("en-US")}</span>
        </li>
      ))}
      {grid.unscoredUsers > 0 && <li className="text-slate-500">Not scored (no recency or frequency): {grid.unscoredUsers.toLocaleString("en-US")}</li>}
    </ul>
  );
}
