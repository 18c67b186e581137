"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FIELD_CLASS } from "@/components/ui/field-classes";
import { DEFINITION_NAME_MAX_LENGTH, DEFINITION_NOTE_MAX_LENGTH, type SaveDefinitionRequest } from "@/lib/segments/segment-definitions.types";
import { ApiRequestError } from "@/lib/http/fetch-api";
import type { Playbook } from "@/lib/definitions/playbook";

const WHO_KEY = "strata:who";



/**
 * Saves the edited definition as a new immutable version: under its current
 * name (version n + 1) or a new one (version 1). Shows what will change
 * against that name's latest version before anything is sent.
 */
export function SaveDefinitionPanel({
  modelId,
  definition,
  playbook,
  defaultName,
  changesAgainst,
  nextVersion,
  saving,
  error,
  onSave,
  onCancel,
}: {
  modelId: string;
  /** The validated definition to save; null while it has problems. */
  definition: unknown | null;
  /** The playbook to save with it (the shown version's, with the edited actions); null = none of its own. */
  playbook: Playbook | null;
  defaultName: string;
  /** "What changed" lines against the named definition's latest version (null when the name is new). */
  changesAgainst: (name: string) => string[] | null;
  nextVersion: (name: string) => number;
  saving: boolean;
  error: Error | null;
  onSave: (request: SaveDefinitionRequest) => void;
  onCancel: () => void;
}) {
  const nameId = useId();
  const whoId = useId();
  const noteId = useId();
  const [name, setName] = useState(defaultName);
  const [who, setWho] = useState("");
  const [note, setNote] = useState("");

  useEffect(() => setWho(window.localStorage.getItem(WHO_KEY) ?? ""), []);

  const trimmed = name.trim();
  const changes = trimmed ? changesAgainst(trimmed) : null;
  const version = trimmed ? nextVersion(trimmed) : 1;
  const unchanged = changes !== null && changes.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (definition === null || !trimmed || unchanged) return;
    if (who.trim()) window.localStorage.setItem(WHO_KEY, who.trim());
    onSave({
      modelId,
      name: trimmed,
      definition,
      ...(playbook ? { playbook } : {}),
      ...(who.trim() ? { createdBy: who.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  return (
    <form onSubmit={submit} aria-label="Save definition" className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={nameId} className="block text-xs font-medium text-slate-600">
            Definition name
          </label>
          <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} maxLength={DEFINITION_NAME_MAX_LENGTH} required className={FIELD_CLASS} />
        </div>
        <div>
          <label htmlFor={whoId} className="block text-xs font-medium text-slate-600">
            Saved by
          </label>
          <input id={whoId} value={who} onChange={(event) => setWho(event.target.value)} maxLength={120} placeholder="Your name" className={FIELD_CLASS} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={noteId} className="block text-xs font-medium text-slate-600">
            Change note <span className="font-normal text-slate-400">(why; optional, kept with the version)</span>
          </label>
          <textarea id={noteId} value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={DEFINITION_NOTE_MAX_LENGTH} className={FIELD_CLASS} />
        </div>
      </div>
      <div className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm">
        <p className="text-xs font-medium text-slate-600">
          {changes === null ? `What changed: version 1 of “${trimmed || "…"}”` : `What changed in version ${version} since v${version - 1}`}
        </p>
        {changes === null ? (
          <p className="mt-1 text-slate-700">First version</p>
        ) : unchanged ? (
          <p className="mt-1 text-slate-500">Nothing changed since v{version - 1}; there is nothing to save.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700" data-testid="save-changes">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error.message}
          {error instanceof ApiRequestError && error.errorId ? ` (error id ${error.errorId})` : ""}
        </p>
      )}
      {definition === null && <p className="mt-3 text-sm text-red-700">Fix the definition's problems before saving.</p>}
      <div className="mt-4 flex items-center justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={saving || definition === null || !trimmed || unchanged}>
          {saving ? "Saving…" : `Save as v${version}`}
        </Button>
      </div>
    </form>
  );
}
