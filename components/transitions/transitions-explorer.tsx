"use client";

import Link from "next/link";
import { useId } from "react";
import { ChartCard, type ChartStatus } from "@/components/charts/chart-card";
import { datasetPath } from "@/components/datasets/dataset-path";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { Skeleton } from "@/components/ui/skeleton";
import { describeTransitions } from "@/lib/snapshots/transition-math";
import type { Snapshot } from "@/lib/snapshots/snapshot.types";
import { ChangeSummary, ChangeTable } from "./change-summary";
import { TakeSnapshotsButton } from "./take-snapshots-button";
import { TransitionFlowChart, TransitionFlowTable } from "./transition-flow-chart";
import { TransitionHeatTable } from "./transition-heat-table";
import { useAllSavedDefinitions, useSnapshots, useTakeSnapshots, useTransitions } from "./use-snapshots";
import { useTransitionsUrlState } from "./use-transitions-url-state";


/** Snapshots of the latest definition version that has any, oldest first. */
function latestVersionSnapshots(snapshots: Snapshot[]): Snapshot[] {
  const version = Math.max(0, ...snapshots.map((snapshot) => snapshot.definitionVersion));
  return snapshots.filter((snapshot) => snapshot.definitionVersion === version);
}

/** Segment transitions of one dataset: definition and dates in the URL, matrix, change summary and flow. */
export function TransitionsExplorer({ datasetName, timezone }: { datasetName: string; timezone: string }) {
  const id = useId();
  const [state, setState] = useTransitionsUrlState();
  const definitions = useAllSavedDefinitions(datasetName);
  const saved = definitions.data?.definitions ?? [];
  const definition = state.definition ?? saved[0]?.name ?? null;
  const snapshots = useSnapshots(datasetName, definition);
  const take = useTakeSnapshots(datasetName);

  const versionSnapshots = latestVersionSnapshots(snapshots.data?.snapshots ?? []);
  const days = versionSnapshots.map((snapshot) => snapshot.asOfDay);
  const from = state.from && days.includes(state.from) ? state.from : (days.at(-2) ?? null);
  const to = state.to && days.includes(state.to) ? state.to : (days.at(-1) ?? null);
  const ready = definition !== null && from !== null && to !== null && from < to;
  const transitions = useTransitions(datasetName, ready ? { definition, version: versionSnapshots[0]!.definitionVersion, from, to } : null);

  if (definitions.isError) {
    return <ErrorState title="Saved definitions could not be loaded" message={definitions.error.message} onRetry={() => void definitions.refetch()} />;
  }
  if (definitions.isPending) return <Skeleton className="h-10 w-96" />;
  if (saved.length === 0 || definition === null) {
    return (
      <EmptyState title="No saved segment definitions yet">
        <p>
          Transitions compare stored snapshots of a saved definition.{" "}
          <Link className="font-medium text-indigo-700 underline" href={`${datasetPath(datasetName)}/segments`}>
            Save one on the Segments page
          </Link>{" "}
          first.
        </p>
      </EmptyState>
    );
  }

  const takeButton = <TakeSnapshotsButton definition={definition} period={state.period} onPeriodChange={(period) => setState({ period })} take={take} />;
  let status: ChartStatus;
  if (snapshots.isError || transitions.isError) status = "error";
  else if (snapshots.isPending || (ready && transitions.isPending)) status = "loading";
  else if (!ready || !transitions.data) status = "empty";
  else status = "ready";
  const matrix = transitions.data;
  const emptyMessage =
    days.length === 0 ? (
      <div className="space-y-3">
        <p>No snapshots yet for this definition: take them. Each month (or week) end since the first event is stored as it was then.</p>
        {takeButton}
      </div>
    ) : (
      <div className="space-y-3">
        <p>
          Only one snapshot ({days[0]}) so far: transitions need two dates. Take weekly snapshots, or wait for the next month end.
        </p>
        {takeButton}
      </div>
    );
  const definitionText = <p>{describeTransitions(timezone)}</p>;
  const footer = matrix && (
    <>
      {matrix.definitionName} v{matrix.definitionVersion} ({matrix.modelId}) · {matrix.from.asOfDay}: {matrix.from.users.toLocaleString("en-US")} users · {matrix.to.asOfDay}:{" "}
      {matrix.to.users.toLocaleString("en-US")} users
    </>
  );
  const cardProps = {
    definition: definitionText,
    status,
    error: snapshots.error ?? transitions.error,
    onRetry: () => void (snapshots.isError ? snapshots.refetch() : transitions.refetch()),
    emptyTitle: days.length === 0 ? "No snapshots yet" : "One snapshot so far",
    emptyMessage,
    footer,
  };

  return (
    <div className="space-y-6">
      <form className="flex flex-wrap items-end gap-4" onSubmit={(event) => event.preventDefault()}>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-definition`}>
          Definition
          <select id={`${id}-definition`} className={COMPACT_FIELD_CLASS} value={definition} onChange={(event) => setState({ definition: event.target.value, from: null, to: null })}>
            {saved.map((entry) => (
              <option key={`${entry.modelId}:${entry.name}`} value={entry.name}>
                {entry.name} (v{entry.latest.version})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-from`}>
          From snapshot
          <select id={`${id}-from`} className={COMPACT_FIELD_CLASS} value={from ?? ""} disabled={days.length < 2} onChange={(event) => setState({ from: event.target.value })}>
            {days.slice(0, -1).map((day) => (
              <option key={day} value={day}>
                {day}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-to`}>
          To snapshot
          <select id={`${id}-to`} className={COMPACT_FIELD_CLASS} value={to ?? ""} disabled={days.length < 2} onChange={(event) => setState({ to: event.target.value })}>
            {days.slice(1).map((day) => (
              <option key={day} value={day} disabled={from !== null && day <= from}>
                {day}
              </option>
            ))}
          </select>
        </label>
        {days.length > 0 && <div className="ml-auto">{takeButton}</div>}
      </form>

      <ChartCard
        {...cardProps}
        title="Segment transitions"
        description={matrix ? `Where the users of each segment on ${matrix.from.asOfDay} were on ${matrix.to.asOfDay}` : "Segment on one snapshot date × segment on a later one"}
        testId="transition-card"
        height={240}
        chart={
          matrix && (
            <div className="space-y-5">
              <div className="overflow-x-auto">
                <TransitionHeatTable matrix={matrix} />
              </div>
              <ChangeSummary matrix={matrix} />
            </div>
          )
        }
        table={matrix && <ChangeTable matrix={matrix} />}
      />
      <ChartCard
        {...cardProps}
        title="Flow between snapshots"
        description="Each band is the users who moved from a segment (left) to a segment (right); its width is their number"
        testId="transition-flow-card"
        emptyMessage={<p>The flow appears once the definition has two snapshots (see above).</p>}
        chart={matrix && <TransitionFlowChart matrix={matrix} />}
        table={matrix && <TransitionFlowTable matrix={matrix} />}
      />
    </div>
  );
}
