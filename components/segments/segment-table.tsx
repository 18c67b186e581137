"use client";

import { useState, type FormEvent } from "react";
import { formatCount, formatPercent } from "@/components/format/numbers";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { SegmentSummary } from "@/lib/segments/compute-segments.types";
import { ACTION_MAX_LENGTH } from "./playbook-edits";
import { segmentColors } from "./segment-colors";
import { SegmentSwatch } from "./segment-swatch";

export interface ComparedSegment {
  users: number;
  percent: number;
  criteria: string;
}

// tdClass keeps cells on one line; these columns hold sentences and must wrap.
const textCell = "px-3 py-2 text-left text-[13px] text-slate-600";

function ShareBar({ color, percent }: { color: string; percent: number }) {
  return (
    <div aria-hidden="true" className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-slate-100">
      <div className="h-full rounded-full" style={{ width: `${Math.min(100, Math.max(0, percent))}%`, backgroundColor: color }} />
    </div>
  );
}

function signed(value: number, format: (value: number) => string): string {
  if (value === 0) return "±0";
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

/** Neutral colours: more "Churned" is bad and more "Champions" good; the sign says which way, not whether it is better. */
function Delta({ users, points }: { users: number; points: number }) {
  const tone = users === 0 ? "text-slate-400" : "text-slate-900";
  return (
    <span className={`block ${tone}`}>
      <span className="block font-medium">{signed(users, formatCount)}</span>
      <span className="block text-xs">{signed(Math.round(points * 10) / 10, (value) => `${value.toFixed(1)} pp`)}</span>
    </span>
  );
}

function BehaviorNotes({ notes }: { notes: readonly string[] | null }) {
  if (notes === null) return <span className="block h-3 w-3/4 animate-pulse rounded bg-slate-200/80" aria-label="Loading behavior notes" />;
  if (notes.length === 0) return <span className="text-slate-300">—</span>;
  return (
    <ul className="space-y-0.5">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

/**
 * A segment's suggested action, editable in place: the pencil opens a text box;
 * Enter (or Apply) puts the action in the draft, Escape cancels, and an empty
 * box goes back to the saved action. Saved with the definition.
 */
function SuggestedAction({
  segment,
  action,
  edited,
  onEdit,
}: {
  segment: string;
  action: string | null;
  edited: boolean;
  onEdit?: (segment: string, action: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null && onEdit) {
    const apply = (event: FormEvent) => {
      event.preventDefault();
      onEdit(segment, draft);
      setDraft(null);
    };
    return (
      <form onSubmit={apply} aria-label={`Suggested action for ${segment}`} className="space-y-1">
        <input
          autoFocus
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") setDraft(null);
          }}
          maxLength={ACTION_MAX_LENGTH}
          aria-label={`Suggested action for ${segment}`}
          placeholder="Empty = the saved action"
          className="block w-full rounded border border-slate-300 px-1.5 py-1 text-[13px] focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
        <span className="flex gap-2 text-xs">
          <button type="submit" className="font-medium text-indigo-700 hover:underline">
            Apply
          </button>
          <button type="button" onClick={() => setDraft(null)} className="text-slate-500 hover:underline">
            Cancel
          </button>
        </span>
      </form>
    );
  }
  return (
    <span className="flex items-start justify-between gap-1">
      <span data-testid="segment-action">{action ?? <span className="text-slate-400 italic">No playbook entry</span>}</span>
      {edited && <span className="sr-only">(edited, unsaved)</span>}
      {onEdit && (
        <button
          type="button"
          onClick={() => setDraft(action ?? "")}
          aria-label={`Edit suggested action for ${segment}`}
          title={edited ? "Edited (unsaved): edit again" : "Edit the suggested action"}
          className={`shrink-0 rounded px-1 text-xs hover:bg-slate-100 hover:text-indigo-700 ${edited ? "text-indigo-600" : "text-slate-400"}`}
        >
          {edited ? "✎ edited" : "✎"}
        </button>
      )}
    </span>
  );
}

/**
 * The segmentation as a table: one row per segment in definition order (empty
 * ones included, so rows and colours stay put as thresholds move). Clicking a
 * segment's name opens its member list. With `compare`, the saved
 * definition's sizes sit beside the draft's, with the change.
 */
export function SegmentTable({
  segments,
  criteria,
  notes,
  notesCurrent,
  compare,
  compareLabel,
  selected,
  busy,
  onSelect,
  filteredUsers,
  totalUsers,
  actionEdits = {},
  onEditAction,
}: {
  segments: readonly SegmentSummary[];
  /** Criteria of the edited definition by segment (instant); the server's text otherwise. */
  criteria: ReadonlyMap<string, string>;
  /** Behavior notes by segment (asked for separately, once the view settles); null while the first ones load. */
  notes: ReadonlyMap<string, readonly string[]> | null;
  /** The notes describe the numbers shown (not a previous threshold's). */
  notesCurrent: boolean;
  /** Saved definition's figures by segment name; undefined = not comparing. */
  compare?: ReadonlyMap<string, ComparedSegment> | null;
  compareLabel?: string;
  selected: string | null;
  busy: boolean;
  onSelect: (segment: string) => void;
  filteredUsers: number;
  totalUsers: number;
  /** Edited suggested actions by segment (shown at once, before the server answers). */
  actionEdits?: Readonly<Record<string, string>>;
  /** Puts an edited action in the draft; without it the actions are read-only. */
  onEditAction?: (segment: string, action: string) => void;
}) {
  const comparing = compare !== undefined;
  const colorOf = segmentColors(segments.map((segment) => segment.name));
  return (
    <Table caption="Segments: size, share of users in view, criteria, behavior notes and suggested action" busy={busy}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thClass}>
            Segment
          </th>
          <th scope="col" className={`${thClass} w-[22%]`}>
            Criteria
          </th>
          {comparing && (
            <th scope="col" className={thNumericClass} title="Users and share under the saved definition">
              {compareLabel ?? "Saved"}
            </th>
          )}
          <th scope="col" className={thNumericClass}>
            {comparing ? "Draft" : "Users"}
          </th>
          {comparing ? (
            <th scope="col" className={thNumericClass} title="Draft minus saved: users, and percentage points of the users in view">
              Change
            </th>
          ) : (
            <th scope="col" className={`${thClass} w-32`}>
              % of users
            </th>
          )}
          <th scope="col" className={`${thClass} w-[24%]`}>
            Behavior notes
          </th>
          <th scope="col" className={`${thClass} w-[16%]`}>
            Suggested action
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {segments.map((segment) => {
          const color = colorOf(segment.name).hex;
          const isSelected = segment.name === selected;
          const saved = compare?.get(segment.name);
          const criteriaText = criteria.get(segment.name) ?? segment.criteria;
          return (
            <tr
              key={segment.name}
              data-testid="segment-row"
              data-segment={segment.name}
              className={`align-top ${isSelected ? "bg-indigo-50/70" : "hover:bg-slate-50"}`}
            >
              <th scope="row" className={`${tdClass} font-medium text-slate-900`}>
                <button
                  type="button"
                  onClick={() => onSelect(segment.name)}
                  aria-pressed={isSelected}
                  title={`List the users in ${segment.name}`}
                  className="inline-flex items-center gap-2 rounded text-left hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <SegmentSwatch color={color} />
                  {segment.name}
                </button>
              </th>
              <td className={textCell}>
                {criteriaText}
                {saved && saved.criteria !== criteriaText && <span className="mt-0.5 block text-xs text-slate-400">was: {saved.criteria}</span>}
              </td>
              {comparing && (
                <td className={tdNumericClass} data-testid="segment-saved-users">
                  {saved ? (
                    <>
                      <span className="block">{formatCount(saved.users)}</span>
                      <span className="block text-xs text-slate-500">{formatPercent(saved.percent / 100)}</span>
                    </>
                  ) : (
                    <span className="text-slate-300">—</span>
                  )}
                </td>
              )}
              <td className={`${tdNumericClass} font-medium text-slate-900`}>
                <span data-testid="segment-users">{formatCount(segment.users)}</span>
                {comparing && <span className="block text-xs font-normal text-slate-500">{formatPercent(segment.percent / 100)}</span>}
              </td>
              {comparing ? (
                <td className={tdNumericClass} data-testid="segment-delta">
                  {saved ? <Delta users={segment.users - saved.users} points={segment.percent - saved.percent} /> : <span className="text-slate-300">new</span>}
                </td>
              ) : (
                <td className={tdClass}>
                  <span data-testid="segment-percent" className="tabular-nums">
                    {formatPercent(segment.percent / 100)}
                  </span>
                  <ShareBar color={color} percent={segment.percent} />
                </td>
              )}
              <td className={`${textCell} text-xs leading-snug transition-opacity ${notesCurrent ? "" : "opacity-50"}`} aria-busy={!notesCurrent}>
                <BehaviorNotes notes={notes?.get(segment.name) ?? null} />
              </td>
              <td className={`${textCell} text-slate-700`}>
                <SuggestedAction
                  segment={segment.name}
                  action={actionEdits[segment.name] ?? segment.suggestedAction}
                  edited={actionEdits[segment.name] !== undefined}
                  onEdit={onEditAction}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot className="border-t border-slate-200 bg-slate-50/60">
        <tr>
          <th scope="row" className={`${tdClass} text-xs font-medium text-slate-600`}>
            Users in view
          </th>
          <td />
          {comparing && <td />}
          <td className={`${tdNumericClass} text-xs font-medium text-slate-900`} data-testid="users-in-view">
            {formatCount(filteredUsers)}
          </td>
          <td colSpan={3} className={`${tdClass} text-xs text-slate-500`}>
            {filteredUsers === totalUsers
              ? "all users in the dataset"
              : `${formatPercent(totalUsers === 0 ? 0 : filteredUsers / totalUsers)} of the ${formatCount(totalUsers)} users in the dataset (filtered)`}
          </td>
        </tr>
      </tfoot>
    </Table>
  );
}
