"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { formatCount } from "@/components/format/numbers";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Notice } from "@/components/ui/notice";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { describeDefinitionChanges, describePlaybookChanges } from "@/lib/definitions/definition-diff";
import { DIMENSION_NAMES } from "@/lib/definitions/dimension-filters";
import { MODELS, builtInDefinition, validateDefinition, type AnyDefinition, type ModelId } from "@/lib/definitions/models";
import type { SegmentCriteria } from "@/lib/definitions/segment-name";
import type { DimensionOptions } from "@/lib/segments/dimension-options";
import type { DefinitionVersion } from "@/lib/segments/segment-definitions.types";
import { segmentScopeToSearchParams, type SegmentScopeInput } from "@/lib/segments/segment-scope.types";
import { newestSavedDefinition, resolveBaseDefinition } from "./base-definition";
import { CopyLinkButton } from "./copy-link-button";
import { DefinitionPicker } from "./definition-picker";
import { DefinitionStatus } from "./definition-status";
import { DEFAULT_EXPLORER_STATE, hasFilters, type MemberListState } from "./explorer-url-state";
import { ModelPicker } from "./model-picker";
import { NoSavedClusteringState } from "./no-saved-clustering-state";
import { playbookWithEdits, withActionEdit } from "./playbook-edits";
import { SaveDefinitionPanel } from "./save-definition-panel";
import { SegmentFilters } from "./segment-filters";
import { segmentColors } from "./segment-colors";
import { SegmentMembers } from "./segment-members";
import { SegmentResults } from "./segment-results";
import type { ComparedSegment } from "./segment-table";
import { ThresholdControls } from "./threshold-controls";
import { applyThresholdOverrides, listThresholds, thresholdText } from "./thresholds";
import { useExplorerUrlState } from "./use-explorer-url-state";
import { useSaveDefinition, useSavedDefinitions } from "./use-saved-definitions";
import { useSegmentSizes } from "./use-segment-sizes";
import { useSettledValue } from "./use-settled-value";
import { useThresholdEdits } from "./use-threshold-edits";
import { ValidationMessages } from "./validation-messages";
import { VersionHistory } from "./version-history";

/** Behavior notes are asked for once the view has not changed for this long. */
const NOTES_AFTER_MS = 400;

const describeCriteria = (modelId: ModelId, definition: AnyDefinition): SegmentCriteria[] =>
  (MODELS[modelId].describeCriteria as (definition: AnyDefinition) => SegmentCriteria[])(definition);

/** Nothing picked yet: no definition in the URL, or "built-in" for a model that has none (Clusters). */
function noDefinitionChosen(definitionName: string | null | undefined, hasBuiltIn: boolean): boolean {
  return definitionName === undefined || (definitionName === null && !hasBuiltIn);
}

/**
 * The segment explorer: pick a model, move its thresholds, filter whom to
 * look at, and read each segment's size, criteria, behavior and suggested
 * action; open a segment for its users; save the definition as a version.
 * Everything on screen follows the URL (explorer-url-state.ts).
 */
export function SegmentsExplorer({
  datasetName,
  timeZone,
  dimensionOptions,
  hasEvents,
}: {
  datasetName: string;
  timeZone: string;
  dimensionOptions: DimensionOptions;
  hasEvents: boolean;
}) {
  const [state, update] = useExplorerUrlState();
  const { modelId, definitionName, definitionVersion } = state;
  const model = MODELS[modelId];
  // Clusters has no built-in definition: only saved ones, and its only edits are cluster names.
  const hasBuiltIn = builtInDefinition(modelId) !== null;

  // Saved definitions of this model, and the one the edits start from.
  const savedList = useSavedDefinitions(datasetName, modelId);
  const savedDefinitions = useMemo(
    () => savedList.data?.definitions.filter((definition) => definition.modelId === modelId),
    [savedList.data, modelId],
  );
  const base = useMemo(
    () => resolveBaseDefinition({ modelId, definitionName, definitionVersion }, savedDefinitions, { failed: savedList.isError, fetching: savedList.isFetching }),
    [modelId, definitionName, definitionVersion, savedDefinitions, savedList.isError, savedList.isFetching],
  );
  const savedVersion = base.status === "ready" ? base.version : null;
  const savedByName = (name: string) => savedDefinitions?.find((definition) => definition.name === name);

  // A fresh visit starts from the newest saved definition, written to the URL so the link says which.
  const notChosen = noDefinitionChosen(definitionName, hasBuiltIn);
  useEffect(() => {
    if (!notChosen || !savedDefinitions) return;
    const newest = newestSavedDefinition(savedDefinitions);
    if (!newest) return;
    update(
      (current) =>
        noDefinitionChosen(current.definitionName, hasBuiltIn) && current.modelId === modelId
          ? { ...current, definitionName: newest.name, definitionVersion: newest.latest.version }
          : current,
      "replace",
    );
  }, [notChosen, hasBuiltIn, savedDefinitions, modelId, update]);

  const baseThresholds = useMemo(() => (base.status === "ready" ? listThresholds(modelId, base.definition) : null), [base, modelId]);
  const baseValues = useMemo(
    () => (baseThresholds ? new Map(baseThresholds.map((threshold) => [threshold.key, thresholdText(threshold)])) : null),
    [baseThresholds],
  );
  const edits = useThresholdEdits(state.overrides, baseValues, update);

  // The edited definition as the controls show it (validated at once) and as the URL has it (what is computed).
  const localDraft = base.status === "ready" ? applyThresholdOverrides(modelId, base.definition, edits.values) : null;
  const localCheck = localDraft ? validateDefinition(modelId, localDraft.definition) : null;
  const urlDraft = base.status === "ready" ? applyThresholdOverrides(modelId, base.definition, state.overrides) : null;
  const urlCheck = urlDraft ? validateDefinition(modelId, urlDraft.definition) : null;
  const actionEdited = Object.keys(state.playbook).length > 0;
  const isDraft = (urlDraft?.applied.length ?? 0) > 0 || actionEdited;
  // The shown version's own actions with the edited ones over them: what is computed with and saved.
  const playbook = playbookWithEdits(savedVersion?.playbook ?? null, state.playbook);
  const localErrors = localCheck && !localCheck.ok ? localCheck.errors : [];

  // What the server is asked: the draft's JSON, or the saved version by reference (so answers name it), or the default.
  const savedRef = savedVersion ? { definitionRef: { name: savedVersion.name, version: savedVersion.version } } : {};
  const view = { filters: state.filters, ...(state.asOf ? { asOf: state.asOf } : {}) };
  const scope: SegmentScopeInput | null =
    base.status === "ready" && urlCheck?.ok
      ? { modelId, ...(isDraft ? { definition: urlCheck.definition, ...(playbook ? { playbook } : {}) } : savedRef), ...view }
      : null;
  const compareScope: SegmentScopeInput | null = base.status === "ready" && state.compare ? { modelId, ...savedRef, ...view } : null;

  // Sizes on every pause in the editing; behavior notes (medians over every segment: the costly part on large
  // datasets) once the view has settled for a moment, so a slider's numbers come back as fast as the scoring allows.
  const scopeKey = scope ? JSON.stringify(scope) : null;
  const settledScopeKey = useSettledValue(scopeKey, NOTES_AFTER_MS);
  const sizes = useSegmentSizes(datasetName, scope ? { ...scope, notes: false } : null);
  const notes = useSegmentSizes(datasetName, settledScopeKey ? { ...(JSON.parse(settledScopeKey) as SegmentScopeInput), notes: true } : null);
  const compareSizes = useSegmentSizes(datasetName, compareScope ? { ...compareScope, notes: false } : null);
  // A previous model's answer is no placeholder for this one.
  const result = sizes.data?.modelId === modelId ? sizes.data : undefined;
  const notesResult = notes.data?.modelId === modelId ? notes.data : undefined;
  const notesBySegment = useMemo(
    () => (notesResult ? new Map(notesResult.segments.map((segment) => [segment.name, segment.behaviorNotes])) : null),
    [notesResult],
  );
  const notesCurrent = notesResult !== undefined && !notes.isPlaceholderData && settledScopeKey === scopeKey;
  const compared = compareScope && compareSizes.data?.modelId === modelId ? compareSizes.data : undefined;

  const criteria = useMemo(() => {
    const check = localCheck?.ok ? localCheck : urlCheck?.ok ? urlCheck : null;
    return new Map(check ? describeCriteria(modelId, check.definition).map((entry) => [entry.segment, entry.criteria]) : []);
  }, [localCheck, urlCheck, modelId]);
  const compareRows = useMemo(
    () =>
      compared
        ? new Map<string, ComparedSegment>(compared.segments.map((segment) => [segment.name, { users: segment.users, percent: segment.percent, criteria: segment.criteria }]))
        : null,
    [compared],
  );
  const segmentNames = useMemo(
    () => new Set(base.status === "ready" ? describeCriteria(modelId, base.definition).map((entry) => entry.segment) : []),
    [base, modelId],
  );

  // Member list and export: the same scope as the table.
  const scopeParams = scope ? segmentScopeToSearchParams(scope).toString() : null;
  const membersQuery = useMemo(() => {
    if (scopeParams === null || !state.segment) return null;
    const params = new URLSearchParams(scopeParams);
    params.set("segment", state.segment);
    params.set("page", String(state.members.page));
    params.set("pageSize", String(state.members.pageSize));
    if (state.members.sort) params.set("sort", state.members.sort);
    if (state.members.dir) params.set("dir", state.members.dir);
    return params.toString();
  }, [scopeParams, state.segment, state.members]);
  const exportHref = useMemo(() => {
    if (scopeParams === null || !state.segment) return null;
    const params = new URLSearchParams(scopeParams);
    params.set("segment", state.segment);
    return `${datasetApiPath(datasetName)}/segments/export?${params}`;
  }, [scopeParams, state.segment, datasetName]);

  const membersRef = useRef<HTMLDivElement>(null);
  const scrollToMembers = useRef(false);
  useEffect(() => {
    if (state.segment && scrollToMembers.current) membersRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    scrollToMembers.current = false;
  }, [state.segment]);

  const save = useSaveDefinition(datasetName);
  const [saveOpen, setSaveOpen] = useState(false);
  const [lastSaved, setLastSaved] = useState<DefinitionVersion | null>(null);

  const basedOn = savedVersion ? `${savedVersion.name} v${savedVersion.version}` : "the built-in default";
  const definitionLabel = `Definition: ${model.name} · ${isDraft ? "draft, unsaved" : savedVersion ? basedOn : "built-in default"}`;
  const draftThresholds = localDraft ? listThresholds(modelId, localDraft.definition) : (baseThresholds ?? []);

  /** Starting over from another definition or version: edits go. */
  const restart = (change: Partial<typeof state>) => {
    edits.reset();
    update((current) => ({ ...current, ...change, overrides: {}, playbook: {} }), "push");
  };
  const setMembers = (change: Partial<MemberListState>) => update((current) => ({ ...current, members: { ...current.members, ...change } }), "push");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <div className="w-56">
          <ModelPicker
            modelId={modelId}
            onChange={(next) => {
              edits.reset();
              update((current) => ({ ...DEFAULT_EXPLORER_STATE, modelId: next, filters: current.filters, asOf: current.asOf, compare: current.compare }), "push");
            }}
          />
        </div>
        <div className="w-64">
          <DefinitionPicker
            saved={savedDefinitions ?? []}
            value={base.status === "ready" ? (savedVersion?.name ?? null) : (definitionName ?? null)}
            loading={savedList.isPending}
            hasBuiltIn={hasBuiltIn}
            onChange={(name) => restart({ definitionName: name, definitionVersion: name === null ? null : (savedByName(name)?.latest.version ?? null) })}
          />
        </div>
        <div className="ml-auto flex items-center gap-3 pb-0.5">
          <Switch
            label="Compare with saved"
            description="Show the saved definition's sizes beside the draft's"
            checked={state.compare}
            onChange={(compare) => update((current) => ({ ...current, compare }), "replace")}
          />
          <CopyLinkButton />
          <Button onClick={() => setSaveOpen((open) => !open)} disabled={base.status !== "ready"} aria-expanded={saveOpen}>
            Save definition…
          </Button>
        </div>
      </div>
      <p className="-mt-1 text-sm text-slate-500">{model.description}</p>

      {base.status !== "none" && (
        <DefinitionStatus
          modelName={model.name}
          version={isDraft ? null : savedVersion}
          isDraft={isDraft}
          basedOn={basedOn}
          latestVersion={base.status === "ready" && base.saved ? base.saved.latest.version : null}
          asOfDay={result?.asOfDay ?? null}
          refreshedAt={result?.featuresRefreshedAt ?? null}
          timeZone={result?.timezone ?? timeZone}
          stale={result?.stale ?? false}
          updating={sizes.isFetching}
          onViewLatest={() => restart({ definitionVersion: base.status === "ready" ? (base.saved?.latest.version ?? null) : null })}
          onDiscardEdits={() => {
            edits.reset();
            update((current) => ({ ...current, overrides: {}, playbook: {} }), "replace");
          }}
        />
      )}

      {saveOpen && base.status === "ready" && (
        <SaveDefinitionPanel
          modelId={modelId}
          definition={localCheck?.ok ? localCheck.definition : null}
          playbook={playbook}
          defaultName={savedVersion?.name ?? "Default"}
          changesAgainst={(name) => {
            const existing = savedByName(name);
            return existing && localCheck?.ok
              ? [...describeDefinitionChanges(existing.latest.definition, localCheck.definition), ...describePlaybookChanges(existing.latest.playbook, playbook)]
              : null;
          }}
          nextVersion={(name) => (savedByName(name)?.latest.version ?? 0) + 1}
          saving={save.isPending}
          error={save.error}
          onSave={(request) =>
            save.mutate(request, {
              onSuccess: (version) => {
                setSaveOpen(false);
                setLastSaved(version);
                restart({ definitionName: version.name, definitionVersion: version.version });
              },
            })
          }
          onCancel={() => {
            setSaveOpen(false);
            save.reset();
          }}
        />
      )}
      {lastSaved && !saveOpen && !isDraft && savedVersion?.id === lastSaved.id && (
        <Notice title={`Saved “${lastSaved.name}” as version ${lastSaved.version}`}>
          Links to this view now name v{lastSaved.version}, so they keep showing these numbers after later edits.
        </Notice>
      )}

      {base.status === "none" ? (
        <NoSavedClusteringState datasetName={datasetName} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
          <aside className="space-y-4" aria-label="Definition">
            <Card
              title={hasBuiltIn ? "Thresholds" : "Cluster names"}
              description={hasBuiltIn ? "Drag a slider or type a number; sizes follow." : "Centroids and scale come from the clustering run; rename a cluster and save a new version."}
            >
              {base.status === "ready" ? (
                <ThresholdControls thresholds={draftThresholds} baseValues={baseValues ?? new Map()} values={edits.values} segmentNames={segmentNames} onChange={edits.set} />
              ) : base.status === "loading" ? (
                <div role="status" aria-label="Loading the definition" className="space-y-4">
                  {Array.from({ length: 5 }, (_, index) => (
                    <Skeleton key={index} className="h-8 w-full" />
                  ))}
                </div>
              ) : (
                <p className="text-sm text-slate-500">Choose another definition to edit.</p>
              )}
            </Card>
            {base.status === "ready" && base.saved && (
              <Card title="Versions" description={`Every saved version of “${base.saved.name}”`}>
                <VersionHistory
                  saved={base.saved}
                  shownVersion={savedVersion?.version ?? null}
                  edited={isDraft}
                  timeZone={result?.timezone ?? timeZone}
                  onView={(version) => restart({ definitionVersion: version })}
                />
              </Card>
            )}
          </aside>

          <div className="min-w-0 space-y-4">
            <SegmentFilters
              options={dimensionOptions}
              filters={state.filters}
              onFiltersChange={(filters) => update((current) => ({ ...current, filters, members: { ...current.members, page: 1 } }), "replace")}
              asOf={state.asOf}
              featuresAsOfDay={result?.asOfDay ?? null}
              onAsOfChange={(asOf) => update((current) => ({ ...current, asOf }), "replace")}
            />
            <ValidationMessages errors={localErrors} showingPrevious={result !== undefined} />
            {base.status === "missing" && (
              <ErrorState title="That definition is not available" message={base.message}>
                <Button variant="secondary" className="mt-3" onClick={() => restart({ definitionName: undefined, definitionVersion: null })}>
                  Use the newest saved definition
                </Button>
              </ErrorState>
            )}
            {savedList.isError && (
              <Notice tone="warning" title="Saved definitions could not be loaded">
                {savedList.error.message} The built-in default is shown meanwhile.
              </Notice>
            )}
            {result && result.warnings.length > 0 && (
              <Notice tone="warning" title="About this data">
                <ul className="list-disc space-y-0.5 pl-5">
                  {result.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </Notice>
            )}
            <SegmentResults
              datasetName={datasetName}
              hasEvents={hasEvents}
              result={result}
              error={sizes.error}
              onRetry={() => void sizes.refetch()}
              busy={sizes.isPlaceholderData || localErrors.length > 0}
              waiting={base.status === "missing"}
              criteria={criteria}
              notes={notesBySegment}
              notesCurrent={notesCurrent}
              compare={state.compare ? compareRows : undefined}
              compareLabel={savedVersion ? basedOn : "Built-in"}
              compareNote={
                isDraft
                  ? `Change = draft minus ${basedOn}, in users and in percentage points of the ${formatCount(result?.filteredUsers ?? 0)} users in view.`
                  : `No edits yet: the draft equals ${basedOn}. Move a threshold to see what would change.`
              }
              selected={state.segment}
              onSelect={(segment) => {
                scrollToMembers.current = true;
                update(
                  (current) => ({
                    ...current,
                    segment: current.segment === segment ? null : segment,
                    members: { ...DEFAULT_EXPLORER_STATE.members, pageSize: current.members.pageSize },
                  }),
                  "push",
                );
              }}
              filtered={hasFilters(state.filters)}
              onClearFilters={() => update((current) => ({ ...current, filters: {} }), "replace")}
              onLatestAsOf={() => update((current) => ({ ...current, asOf: null }), "replace")}
              actionEdits={state.playbook}
              onEditAction={(segment, action) => update((current) => ({ ...current, playbook: withActionEdit(current.playbook, segment, action) }), "replace")}
            />
            {state.segment && (
              <div ref={membersRef} className="scroll-mt-4">
                <SegmentMembers
                  key={state.segment}
                  datasetName={datasetName}
                  segment={state.segment}
                  color={segmentColors([...segmentNames])(state.segment).hex}
                  query={membersQuery}
                  exportHref={exportHref}
                  definitionLabel={definitionLabel}
                  dimensions={DIMENSION_NAMES.filter((dimension) => dimensionOptions[dimension].some((option) => option.value !== null))}
                  listState={state.members}
                  onListChange={setMembers}
                  onClose={() => update((current) => ({ ...current, segment: null, members: DEFAULT_EXPLORER_STATE.members }), "push")}
                />
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
