"use client";

import { useId } from "react";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { lifecycleIntervalSchema, MAX_LIFECYCLE_PERIODS } from "@/lib/lifecycle/lifecycle.types";
import { useEventNames } from "./use-activity-queries";
import type { ActivityUrlState } from "./use-activity-url-state";

const DAY_CHOICES = [30, 60, 90, 180, 365];

interface ActivityControlsProps {
  datasetName: string;
  /** "transactions" datasets count purchases unless another event is chosen. */
  datasetKind: string;
  state: ActivityUrlState;
  onChange: (change: Partial<ActivityUrlState>) => void;
}

/** Activity event, lifecycle interval and periods, stickiness days; every change lands in the URL. */
export function ActivityControls({ datasetName, datasetKind, state, onChange }: ActivityControlsProps) {
  const id = useId();
  const eventNames = useEventNames(datasetName);
  const names = (eventNames.data?.eventNames ?? []).map((entry) => entry.name);
  if (state.event && !names.includes(state.event)) names.unshift(state.event);
  const dayChoices = DAY_CHOICES.includes(state.days) ? DAY_CHOICES : [...DAY_CHOICES, state.days].sort((a, b) => a - b);

  return (
    <form className="flex flex-wrap items-end gap-4" onSubmit={(event) => event.preventDefault()}>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-event`}>
        Activity
        <select id={`${id}-event`} className={COMPACT_FIELD_CLASS} value={state.event ?? ""} onChange={(event) => onChange({ event: event.target.value || undefined })}>
          <option value="">{datasetKind === "transactions" ? "Purchases (default)" : "Any event"}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-interval`}>
        Lifecycle interval
        <select id={`${id}-interval`} className={COMPACT_FIELD_CLASS} value={state.interval} onChange={(event) => onChange({ interval: lifecycleIntervalSchema.parse(event.target.value) })}>
          {lifecycleIntervalSchema.options.map((interval) => (
            <option key={interval} value={interval}>
              {interval}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-periods`}>
        Intervals shown
        <input
          id={`${id}-periods`}
          type="number"
          min={1}
          max={MAX_LIFECYCLE_PERIODS}
          className={`${COMPACT_FIELD_CLASS} w-20`}
          value={state.periods}
          onChange={(event) => {
            const periods = Number(event.target.value);
            if (Number.isInteger(periods) && periods >= 1 && periods <= MAX_LIFECYCLE_PERIODS) onChange({ periods });
          }}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-days`}>
        Stickiness days
        <select id={`${id}-days`} className={COMPACT_FIELD_CLASS} value={state.days} onChange={(event) => onChange({ days: Number(event.target.value) })}>
          {dayChoices.map((days) => (
            <option key={days} value={days}>
              last {days} days
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
