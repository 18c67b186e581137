"use client";

import { useId } from "react";
import { RangeField } from "@/components/ui/range-field";
import { segmentColors } from "./segment-colors";
import { SegmentSwatch } from "./segment-swatch";
import { thresholdText, type ChoiceThreshold, type TextThreshold, type Threshold } from "./thresholds";

interface Group {
  name: string;
  thresholds: Threshold[];
}

function groupsOf(thresholds: readonly Threshold[]): Group[] {
  const groups: Group[] = [];
  for (const threshold of thresholds) {
    if (threshold.hidden) continue;
    const last = groups.find((group) => group.name === threshold.group);
    if (last) last.thresholds.push(threshold);
    else groups.push({ name: threshold.group, thresholds: [threshold] });
  }
  return groups;
}

function accessibleName(threshold: Threshold): string {
  if (threshold.kind !== "number") return `${threshold.group}: ${threshold.label}`;
  const operator = threshold.operator ? ` ${threshold.operator}` : "";
  return `${threshold.group}: ${threshold.label}${operator}${threshold.unit ? ` (${threshold.unit})` : ""}`;
}

function ChoiceField({ threshold, value, changed, onChange }: { threshold: ChoiceThreshold; value: string; changed: boolean; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="flex items-center justify-between gap-2">
      <label htmlFor={id} className="text-[13px] text-slate-700" title={threshold.description}>
        <span className="sr-only">{accessibleName(threshold)}</span>
        <span aria-hidden="true">{threshold.label}</span>
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`max-w-44 rounded-md border bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none ${
          changed ? "border-indigo-400 font-medium text-indigo-800" : "border-slate-300"
        }`}
      >
        {threshold.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({ threshold, value, changed, onChange }: { threshold: TextThreshold; value: string; changed: boolean; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="flex items-center justify-between gap-2">
      <label htmlFor={id} className="shrink-0 text-[13px] text-slate-700" title={threshold.description}>
        <span className="sr-only">{accessibleName(threshold)}</span>
        <span aria-hidden="true">{threshold.label}</span>
      </label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={threshold.maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={value.trim() === ""}
        className={`w-full max-w-52 min-w-0 rounded-md border bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none ${
          value.trim() === "" ? "border-red-400" : changed ? "border-indigo-400 font-medium text-indigo-800" : "border-slate-300"
        }`}
      />
    </div>
  );
}

/**
 * One control per threshold of the definition, grouped by the segment (or
 * setting) it belongs to, in the order the definition checks them. Values are
 * the edited text when there is one, else the starting definition's.
 */
export function ThresholdControls({
  thresholds,
  baseValues,
  values,
  segmentNames,
  onChange,
}: {
  /** Thresholds of the edited definition (what is shown or hidden follows the edits, e.g. RFM's mode). */
  thresholds: readonly Threshold[];
  /** Each key's value in the starting definition, to mark edits. */
  baseValues: ReadonlyMap<string, string>;
  /** Edited values by key. */
  values: Readonly<Record<string, string>>;
  /** Segment names, so groups that are segments get their colour. */
  segmentNames: ReadonlySet<string>;
  onChange: (key: string, value: string) => void;
}) {
  const groups = groupsOf(thresholds);
  const colorOf = segmentColors([...segmentNames]);
  if (groups.length === 0) {
    return <p className="text-sm text-slate-500">This definition has no adjustable numbers.</p>;
  }
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <fieldset key={group.name} className="space-y-3">
          <legend className="mb-2 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {segmentNames.has(group.name) && <SegmentSwatch color={colorOf(group.name).hex} />}
            {group.name}
          </legend>
          {group.thresholds.map((threshold) => {
            const base = baseValues.get(threshold.key) ?? thresholdText(threshold);
            const value = values[threshold.key] ?? base;
            const changed = value !== base;
            if (threshold.kind === "choice") {
              return <ChoiceField key={threshold.key} threshold={threshold} value={value} changed={changed} onChange={(next) => onChange(threshold.key, next)} />;
            }
            if (threshold.kind === "text") {
              return <TextField key={threshold.key} threshold={threshold} value={value} changed={changed} onChange={(next) => onChange(threshold.key, next)} />;
            }
            const number = Number(value);
            return (
              <RangeField
                key={threshold.key}
                name={accessibleName(threshold)}
                before={threshold.before}
                after={number === 1 && threshold.unitOne ? threshold.unitOne : threshold.unit}
                value={value}
                min={threshold.sliderMin}
                max={threshold.sliderMax}
                step={threshold.step}
                description={threshold.description}
                invalid={value.trim() === "" || !Number.isFinite(number) || (threshold.minimum !== null && number < threshold.minimum)}
                changed={changed}
                onChange={(next) => onChange(threshold.key, next)}
              />
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
