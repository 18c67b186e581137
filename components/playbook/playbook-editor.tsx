"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { datasetApiPath, datasetPath } from "@/components/datasets/dataset-path";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Notice } from "@/components/ui/notice";
import { utcMinute } from "@/lib/datasets/iso-timestamp";
import { toApiRequestError } from "@/lib/http/fetch-api";
import { addCondition, addRule, deleteRule, removeCondition, ruleFiresFor, sameRules, setRuleEnabled, updateCondition, updateRule } from "@/lib/recommendations/playbook-edits";
import type { PlaybookPreview } from "@/lib/recommendations/playbook-preview";
import { issueSentence, validatePlaybookRules } from "@/lib/recommendations/playbook-validation";
import { playbookResponseSchema, type PlaybookResponse, type SavePlaybookRequest } from "@/lib/recommendations/playbook.types";
import type { RecommendationRule } from "@/lib/recommendations/recommendation-rules";
import { RuleCard } from "./rule-card";

async function putPlaybook(datasetName: string, body: SavePlaybookRequest): Promise<PlaybookResponse> {
  const response = await fetch(`${datasetApiPath(datasetName)}/playbook`, {
    method: "PUT",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await toApiRequestError(response);
  return playbookResponseSchema.parse(await response.json());
}


/** Rules with a stable React key each, so deleting a card does not hand its edit state to the next one. */
interface Draft {
  rules: RecommendationRule[];
  keys: number[];
}

function draftOf(rules: readonly RecommendationRule[]): Draft {
  return { rules: structuredClone(rules) as RecommendationRule[], keys: rules.map((_, index) => index) };
}

/** The Playbook page body: every rule as an editable card, validation beside each field, save as a new version, history and reset. */
export function PlaybookEditor({ datasetName, initial, preview }: { datasetName: string; initial: PlaybookResponse; preview: PlaybookPreview }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial.inForce.rules));
  const nextKey = useRef(initial.inForce.rules.length);
  const [note, setNote] = useState("");
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const check = useMemo(() => validatePlaybookRules(draft.rules), [draft.rules]);
  const issues = check.ok ? [] : check.issues;
  const dirty = !sameRules(saved.inForce.rules, draft.rules);

  const save = useMutation({
    mutationFn: (body: SavePlaybookRequest) => putPlaybook(datasetName, body),
    onSuccess: (response) => {
      setSaved(response);
      setDraft(draftOf(response.inForce.rules));
      nextKey.current = response.inForce.rules.length;
      setNote("");
    },
  });

  const edit = (change: (rules: RecommendationRule[]) => RecommendationRule[]) => setDraft((current) => ({ ...current, rules: change(current.rules) }));
  const add = () => {
    const key = nextKey.current++;
    setJustAdded(key);
    setDraft((current) => ({ rules: addRule(current.rules), keys: [...current.keys, key] }));
  };
  const remove = (index: number) => setDraft((current) => ({ rules: deleteRule(current.rules, index), keys: current.keys.filter((_, i) => i !== index) }));

  const { inForce } = saved;
  const previewLabel = preview.ok ? preview.segmentsFrom : null;
  const enabledCount = draft.rules.filter((rule) => rule.enabled !== false).length;

  return (
    <div className="space-y-6">
      <Card
        title={inForce.builtIn ? "In force: the built-in rules (v0)" : `In force: version ${inForce.version}`}
        description={
          inForce.builtIn
            ? "This dataset's playbook has never been edited. Saving creates version 1; every report uses the newest version."
            : `Saved ${utcMinute(inForce.savedAt!)}${inForce.note ? ` — “${inForce.note}”` : ""}. ${inForce.changes.join("; ")}.`
        }
      >
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            A rule fires for a segment when all its conditions hold on the segment&apos;s numbers and the segment has at least its minimum users; its message cites those numbers in
            the <a className="text-indigo-700 underline" href={`${datasetPath(datasetName)}/report`}>report</a>. {draft.rules.length} rules, {enabledCount} on.{" "}
            {preview.ok ? (
              <>
                Previews use {preview.segmentsFrom}, data as of {preview.asOfDay}.
              </>
            ) : (
              <>No preview: {preview.reason}</>
            )}{" "}
            The upsell-timing advice from the time-to-convert curve is built in and always considered.
          </p>
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex min-w-72 flex-1 flex-col gap-1 text-sm text-slate-700">
              <span className="font-medium">Note for this version (optional)</span>
              <input
                value={note}
                maxLength={500}
                onChange={(event) => setNote(event.target.value)}
                placeholder="Why the change: “Upsell only daily users”"
                className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
              />
            </label>
            <Button disabled={!dirty || issues.length > 0 || save.isPending} onClick={() => save.mutate({ rules: draft.rules, note: note.trim() || undefined })}>
              {save.isPending ? "Saving…" : "Save as new version"}
            </Button>
            <Button variant="secondary" disabled={!dirty || save.isPending} onClick={() => setDraft(draftOf(saved.inForce.rules))}>
              Discard changes
            </Button>
            <Button
              variant="secondary"
              disabled={save.isPending || sameRules(saved.inForce.rules, saved.defaults)}
              onClick={() => save.mutate({ reset: true, note: note.trim() || undefined })}
              title="Save the built-in rules as a new version"
            >
              Reset to defaults
            </Button>
          </div>
          {dirty && issues.length === 0 && <p className="text-xs text-slate-500">Unsaved changes: reports keep using version {inForce.version} until you save.</p>}
          {issues.length > 0 && (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="playbook-issues">
              <p className="font-medium">
                {issues.length === 1 ? "1 problem" : `${issues.length} problems`} to fix before saving:
              </p>
              <ul className="mt-1 list-disc pl-5">
                {issues.map((issue, index) => (
                  <li key={index}>{issueSentence(issue, draft.rules)}</li>
                ))}
              </ul>
            </div>
          )}
          {save.isSuccess && !dirty && <Notice title={`Saved version ${save.data.inForce.version}. The report now uses it.`} />}
          {save.isError && <ErrorState title="The playbook was not saved" message={save.error.message} />}
        </div>
      </Card>

      <div className="space-y-4">
        {draft.rules.map((rule, index) => {
          const ruleIssues = issues.filter((issue) => issue.ruleIndex === index);
          const firing = preview.ok && ruleIssues.length === 0 ? ruleFiresFor(rule, preview.stats) : null;
          return (
            <RuleCard
              key={draft.keys[index]}
              rule={rule}
              index={index}
              issues={ruleIssues}
              firing={firing}
              previewLabel={previewLabel}
              startEditing={draft.keys[index] === justAdded}
              onChange={(patch) => edit((rules) => updateRule(rules, index, patch))}
              onConditionChange={(conditionIndex, patch) => edit((rules) => updateCondition(rules, index, conditionIndex, patch))}
              onAddCondition={() => edit((rules) => addCondition(rules, index))}
              onRemoveCondition={(conditionIndex) => edit((rules) => removeCondition(rules, index, conditionIndex))}
              onEnabledChange={(enabled) => edit((rules) => setRuleEnabled(rules, index, enabled))}
              onDelete={() => remove(index)}
            />
          );
        })}
        {draft.rules.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">No rules: the report will only show upsell timing.</p>}
        <Button variant="secondary" onClick={add}>
          Add rule
        </Button>
      </div>

      <Card title="Versions" description="Every save is kept; the newest is in force. Reset saves the built-in rules as a new version.">
        {saved.versions.length === 0 ? (
          <p className="text-sm text-slate-500">No saved versions yet: the built-in rules are in force.</p>
        ) : (
          <ol className="divide-y divide-slate-100 text-sm" data-testid="playbook-versions">
            {saved.versions.map((version) => (
              <li key={version.version} className="flex flex-wrap gap-x-3 py-2">
                <span className="font-semibold text-slate-900">v{version.version}</span>
                <span className="text-slate-500">{utcMinute(version.savedAt!)}</span>
                {version.note && <span className="text-slate-800">“{version.note}”</span>}
                <span className="text-slate-600">{version.changes.join("; ")}</span>
                <span className="text-slate-400">
                  {version.enabledCount} of {version.ruleCount} rules on
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
