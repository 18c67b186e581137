"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { datasetPath } from "@/components/datasets/dataset-path";
import { useSaveDefinition } from "@/components/segments/use-saved-definitions";
import { Button } from "@/components/ui/button";
import { FIELD_CLASS } from "@/components/ui/field-classes";
import { Notice } from "@/components/ui/notice";
import type { MethodResult } from "@/lib/clustering/clustering.types";
import { clusteringToSave } from "@/lib/clustering/saved-clustering";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { DEFINITION_NAME_MAX_LENGTH, DEFINITION_NOTE_MAX_LENGTH, type DefinitionVersion } from "@/lib/segments/segment-definitions.types";
import { formatCount, METHOD_LABELS } from "./cluster-format";


/** Where a saved clustering is used: the Segments tab with the Clusters model and that version. */
export function savedClusteringHref(datasetName: string, version: Pick<DefinitionVersion, "name" | "version">): string {
  const params = new URLSearchParams({ model: "clusters", def: version.name, v: String(version.version) });
  return `${datasetPath(datasetName)}/segments?${params}`;
}

/**
 * "Save as segment definition": one method's scaler and centroids, with the
 * names as edited in the table, become a version of a saved "clusters"
 * definition (POST /definitions, like the Segments tab's saves), so the same
 * clusters score current and future users.
 */
export function SaveClusteringPanel({
  datasetName,
  result,
  edits,
}: {
  datasetName: string;
  result: MethodResult;
  /** Cluster index → edited name. */
  edits: Readonly<Record<number, string>>;
}) {
  const nameId = useId();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(`${METHOD_LABELS[result.method]}, ${result.k} clusters`);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<DefinitionVersion | null>(null);
  const save = useSaveDefinition(datasetName);
  const toSave = clusteringToSave(result, edits);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!toSave.ok || !name.trim()) return;
    save.mutate(
      { modelId: "clusters", name: name.trim(), definition: toSave.definition, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (version) => {
          setSaved(version);
          setOpen(false);
        },
      },
    );
  };

  if (result.definition === null) return null;
  return (
    <div className="space-y-3">
      {!open && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={() => {
              setOpen(true);
              save.reset();
            }}
          >
            Save as segment definition
          </Button>
          <p className="text-sm text-slate-500">Keeps these names, centroids and scale, so new users are scored the same way.</p>
        </div>
      )}
      {saved && !open && (
        <Notice title={`Saved “${saved.name}” as version ${saved.version}`}>
          It is now the Clusters model&apos;s definition “{saved.name}” in segments, exports, the API and{" "}
          <code className="font-mono text-[13px]">strata segments --model clusters --definition &quot;{saved.name}&quot;</code>.{" "}
          <Link href={savedClusteringHref(datasetName, saved)} className="font-medium text-indigo-700 underline">
            Open it in Segments
          </Link>
        </Notice>
      )}
      {open && (
        <form onSubmit={submit} aria-label="Save clustering as a segment definition" className="rounded-lg border border-indigo-200 bg-white p-4 shadow-sm">
          <p className="text-sm text-slate-700">
            Saves the {METHOD_LABELS[result.method]} clusters ({result.k}) as a definition of the <span className="font-medium">Clusters</span> model:
            each user joins the cluster whose centroid is nearest, on this run&apos;s scale. Saving under an existing name adds a version.
          </p>
          {result.method === "dbscan" && result.noise > 0 && (
            <p className="mt-2 text-sm text-amber-800">
              DBSCAN left {formatCount(result.noise)} users as noise; the saved definition has no density rule, so they join their nearest cluster.
            </p>
          )}
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={nameId} className="block text-xs font-medium text-slate-600">
                Definition name
              </label>
              <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} maxLength={DEFINITION_NAME_MAX_LENGTH} required className={FIELD_CLASS} />
            </div>
            <div>
              <label htmlFor={noteId} className="block text-xs font-medium text-slate-600">
                Note <span className="font-normal text-slate-400">(optional, kept with the version)</span>
              </label>
              <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={DEFINITION_NOTE_MAX_LENGTH} className={FIELD_CLASS} />
            </div>
          </div>
          {!toSave.ok && (
            <ul role="alert" className="mt-3 list-disc pl-5 text-sm text-red-700">
              {toSave.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          )}
          {save.error && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {save.error.message}
              {save.error instanceof ApiRequestError && save.error.errorId ? ` (error id ${save.error.errorId})` : ""}
            </p>
          )}
          <div className="mt-4 flex items-center justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending || !toSave.ok || !name.trim()}>
              {save.isPending ? "Saving…" : "Save definition"}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
