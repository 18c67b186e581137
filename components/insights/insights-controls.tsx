"use client";

import { useId } from "react";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { outcomeSchema } from "@/lib/insights/insights.types";
import { OUTCOME_LABELS } from "./insight-labels";
import type { InsightsUrlState } from "./use-insights-url-state";

// Presets (a first day, a first week, a fortnight, a month; Day-7 … Day-182 outcomes); a value from a hand-edited URL is added to them.
const DAY_CHOICES = [1, 3, 7, 14, 28];
const WINDOW_CHOICES = [7, 14, 28, 56, 84, 182];

function withCurrent(choices: number[], current: number): number[] {
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

/** Outcome, behavior days D and outcome window W (D ≤ W, as the API requires); every change lands in the URL. */
export function InsightsControls({ state, onChange }: { state: InsightsUrlState; onChange: (change: Partial<InsightsUrlState>) => void }) {
  const id = useId();
  return (
    <form className="flex flex-wrap items-end gap-4" onSubmit={(event) => event.preventDefault()}>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-outcome`}>
        Outcome
        <select id={`${id}-outcome`} name="outcome" className={COMPACT_FIELD_CLASS} value={state.outcome} onChange={(event) => onChange({ outcome: outcomeSchema.parse(event.target.value) })}>
          {outcomeSchema.options.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome} ({OUTCOME_LABELS[outcome]})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-days`}>
        Behavior window
        <select id={`${id}-days`} name="days" className={COMPACT_FIELD_CLASS} value={state.days} onChange={(event) => onChange({ days: Number(event.target.value) })}>
          {withCurrent(DAY_CHOICES, state.days).map((days) => (
            <option key={days} value={days} disabled={days > state.window}>
              first {days === 1 ? "day" : `${days} days`}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700" htmlFor={`${id}-window`}>
        Outcome window
        <select id={`${id}-window`} name="window" className={COMPACT_FIELD_CLASS} value={state.window} onChange={(event) => onChange({ window: Number(event.target.value) })}>
          {withCurrent(WINDOW_CHOICES, state.window).map((window) => (
            <option key={window} value={window} disabled={window < state.days}>
              {window} days
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
