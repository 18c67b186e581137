"use client";

import { useId } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { useSavedDefinitions } from "@/components/segments/use-saved-definitions";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { RfmCellMembers } from "./rfm-cell-members";
import { RfmGridTable } from "./rfm-grid-table";
import { RfmHeatGrid, RfmLegend } from "./rfm-heat-grid";
import { useRfmGrid } from "./use-rfm-grid";
import { useRfmUrlState } from "./use-rfm-url-state";


/** The RFM grid for a saved RFM definition (or the default), and the users of a clicked cell. */
export function RfmGridExplorer({ datasetName }: { datasetName: string }) {
  const [state, setState] = useRfmUrlState();
  const grid = useRfmGrid(datasetName, state.definitionName);
  const saved = useSavedDefinitions(datasetName, "rfm");
  const id = useId();
  const data = grid.data;
  const scoredUsers = data ? data.usersInView - data.unscoredUsers : 0;
  const status = grid.isError ? "error" : !data ? "loading" : scoredUsers === 0 ? "empty" : "ready";

  return (
    <div className="space-y-4">
      <ChartCard
        testId="rfm-grid"
        title="RFM grid"
        description="Users by recency score × frequency score, outlined by the named segment of each cell. Click a cell to see its users."
        definition={<p>{data?.definition ?? "Recency score rows × frequency score columns; users, share and average monetary value per cell."}</p>}
        status={status}
        error={grid.error}
        onRetry={() => void grid.refetch()}
        emptyTitle="No scored users"
        emptyMessage={<p>No user has both a recency and a frequency value yet: load events and refresh the features to see the grid.</p>}
        height={420}
        actions={
          <label className="flex items-center gap-2 text-sm text-slate-700" htmlFor={`${id}-definition`}>
            Definition
            <select
              id={`${id}-definition`}
              className={COMPACT_FIELD_CLASS}
              value={state.definitionName ?? ""}
              onChange={(event) => setState({ definitionName: event.target.value || null, cell: null })}
            >
              <option value="">Built-in default</option>
              {(saved.data?.definitions ?? []).map((definition) => (
                <option key={definition.name} value={definition.name}>
                  {definition.name} (v{definition.latest.version})
                </option>
              ))}
              {state.definitionName && !saved.data?.definitions.some((definition) => definition.name === state.definitionName) && (
                <option value={state.definitionName}>{state.definitionName}</option>
              )}
            </select>
          </label>
        }
        chart={
          data && (
            <>
              <RfmHeatGrid grid={data} selected={state.cell} onSelect={(cell) => setState({ cell })} />
              <RfmLegend grid={data} />
            </>
          )
        }
        table={data && <RfmGridTable grid={data} />}
        footer={
          data && (
            <span data-testid="rfm-footer">
              {data.definitionName ? `${data.definitionName} v${data.definitionVersion}` : "Built-in default definition"} ({data.mode} scoring);{" "}
              {data.usersInView.toLocaleString("en-US")} users; features as of {data.asOfDay}
              {data.stale ? " — stale: events arrived after the features were computed" : ""}.
            </span>
          )
        }
      />
      {state.cell && <RfmCellMembers datasetName={datasetName} definitionName={state.definitionName} cell={state.cell} />}
    </div>
  );
}
