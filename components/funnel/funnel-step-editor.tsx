"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/components/format/numbers";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import type { EventNameCount } from "@/lib/datasets/event-names.types";
import { MAX_FUNNEL_STEPS, type FunnelStep } from "@/lib/funnel/funnel.types";


interface StepRowProps {
  index: number;
  step: FunnelStep;
  eventNames: readonly EventNameCount[];
  canRemove: boolean;
  onChange: (step: FunnelStep) => void;
  onRemove: () => void;
}

function StepRow({ index, step, eventNames, canRemove, onChange, onRemove }: StepRowProps) {
  const id = useId();
  const known = eventNames.some((name) => name.name === step.event);
  // Property and value commit on blur / Enter, so typing does not run a query per key.
  const commitFilter = (form: HTMLElement) => {
    const property = (form.querySelector(`[name="property"]`) as HTMLInputElement).value.trim();
    const equals = (form.querySelector(`[name="equals"]`) as HTMLInputElement).value;
    onChange(property ? { event: step.event, filter: { property, equals } } : { event: step.event });
  };
  return (
    <li className="flex flex-wrap items-center gap-2" data-testid="funnel-step">
      <span className="w-6 text-right text-sm font-semibold text-slate-500">{index + 1}.</span>
      <label className="sr-only" htmlFor={`${id}-event`}>
        Step {index + 1} event
      </label>
      <select id={`${id}-event`} className={COMPACT_FIELD_CLASS} value={step.event} onChange={(event) => onChange({ ...step, event: event.target.value })}>
        {!known && <option value={step.event}>{step.event} (no events)</option>}
        {eventNames.map((name) => (
          <option key={name.name} value={name.name}>
            {name.name} ({formatCount(name.events)})
          </option>
        ))}
      </select>
      {step.filter ? (
        <span
          className="flex items-center gap-1 text-sm text-slate-600"
          onBlur={(event) => commitFilter(event.currentTarget)}
          onKeyDown={(event) => event.key === "Enter" && commitFilter(event.currentTarget)}
        >
          where
          <input name="property" aria-label={`Step ${index + 1} property`} className={`${COMPACT_FIELD_CLASS} w-28`} defaultValue={step.filter.property} />=
          <input name="equals" aria-label={`Step ${index + 1} value`} className={`${COMPACT_FIELD_CLASS} w-28`} defaultValue={step.filter.equals} />
          <Button variant="ghost" className="px-2 py-1" aria-label={`Remove the filter of step ${index + 1}`} onClick={() => onChange({ event: step.event })}>
            ×
          </Button>
        </span>
      ) : (
        <Button variant="ghost" className="px-2 py-1" onClick={() => onChange({ event: step.event, filter: { property: "plan", equals: "" } })}>
          + property filter
        </Button>
      )}
      {canRemove && (
        <Button variant="ghost" className="px-2 py-1" aria-label={`Remove step ${index + 1}`} onClick={onRemove}>
          Remove
        </Button>
      )}
    </li>
  );
}

/** The ordered steps: an event picker per step (most frequent names first), optional property filter, add/remove. */
export function FunnelStepEditor({
  steps,
  eventNames,
  onChange,
}: {
  steps: FunnelStep[];
  eventNames: readonly EventNameCount[];
  onChange: (steps: FunnelStep[]) => void;
}) {
  const nextSuggestion = eventNames.find((name) => !steps.some((step) => step.event === name.name))?.name ?? eventNames[0]?.name;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">Steps, in order</legend>
      <ol className="space-y-2">
        {steps.map((step, index) => (
          <StepRow
            // Index keys: a step is its position; the filter inputs reset when it moves.
            key={`${index}:${step.event}`}
            index={index}
            step={step}
            eventNames={eventNames}
            canRemove={steps.length > 2}
            onChange={(changed) => onChange(steps.map((current, at) => (at === index ? changed : current)))}
            onRemove={() => onChange(steps.filter((_, at) => at !== index))}
          />
        ))}
      </ol>
      {steps.length < MAX_FUNNEL_STEPS && nextSuggestion && (
        <Button variant="secondary" onClick={() => onChange([...steps, { event: nextSuggestion }])}>
          + Add step
        </Button>
      )}
    </fieldset>
  );
}
