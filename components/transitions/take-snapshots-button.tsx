"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { ProgressBar } from "@/components/ui/progress-bar";
import { snapshotPeriodSchema, type SnapshotPeriod } from "@/lib/snapshots/snapshot.types";
import type { useTakeSnapshots } from "./use-snapshots";


interface TakeSnapshotsButtonProps {
  definition: string;
  period: SnapshotPeriod;
  onPeriodChange: (period: SnapshotPeriod) => void;
  take: ReturnType<typeof useTakeSnapshots>;
}

/** Period picker, "Take snapshots" and, while it runs, which period end it is at. */
export function TakeSnapshotsButton({ definition, period, onPeriodChange, take }: TakeSnapshotsButtonProps) {
  const id = useId();
  const { progress } = take;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`${id}-period`}>
          Snapshot period
        </label>
        <select id={`${id}-period`} className={COMPACT_FIELD_CLASS} value={period} disabled={take.isPending} onChange={(event) => onPeriodChange(snapshotPeriodSchema.parse(event.target.value))}>
          {snapshotPeriodSchema.options.map((option) => (
            <option key={option} value={option}>
              at each {option} end
            </option>
          ))}
        </select>
        <Button disabled={take.isPending} onClick={() => take.mutate({ definition, period })}>
          {take.isPending ? "Taking snapshots…" : "Take snapshots"}
        </Button>
      </div>
      {take.isPending && (
        <div className="w-64 space-y-1" data-testid="snapshot-progress">
          <ProgressBar
            label="Taking snapshots"
            percent={progress ? (100 * progress.done) / progress.total : null}
            valueText={progress ? `${progress.done} of ${progress.total} ${period} ends` : "starting"}
          />
          <p className="text-xs text-slate-500">{progress ? `${progress.done} of ${progress.total} ${period} ends · ${progress.asOfDay} ${progress.status}` : "Computing features as of the first period end…"}</p>
        </div>
      )}
      {take.isSuccess && !take.isPending && (
        <p className="text-xs text-slate-500" data-testid="snapshot-result" role="status">
          {take.data.taken} taken, {take.data.alreadyTaken} already taken.
        </p>
      )}
      {take.isError && (
        <p className="text-xs text-red-700" role="alert">
          {take.error.message}
        </p>
      )}
    </div>
  );
}
