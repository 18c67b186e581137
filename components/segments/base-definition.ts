/**
 * Which definition the explorer's edits start from: the model's built-in
 * default, or a version of a saved definition (once the saved list has
 * loaded). Pure, so the rules for "not chosen yet", "being fetched" and "does
 * not exist" are testable without a browser.
 */
import { MODELS, builtInDefinition, validateDefinition, type AnyDefinition } from "@/lib/definitions/models";
import type { DefinitionVersion, SavedDefinition } from "@/lib/segments/segment-definitions.types";
import type { ExplorerState } from "./explorer-url-state";

export type BaseDefinition =
  | { status: "loading" }
  | { status: "missing"; message: string }
  /** A model without a built-in definition (clusters) and nothing saved yet: the page shows how to get one. */
  | { status: "none" }
  | { status: "ready"; definition: AnyDefinition; saved: SavedDefinition | null; version: DefinitionVersion | null };

export function resolveBaseDefinition(
  state: Pick<ExplorerState, "modelId" | "definitionName" | "definitionVersion">,
  savedDefinitions: readonly SavedDefinition[] | undefined,
  list: { failed: boolean; fetching: boolean },
): BaseDefinition {
  const builtInJson = builtInDefinition(state.modelId);
  const builtIn: BaseDefinition = builtInJson === null ? { status: "none" } : { status: "ready", definition: builtInJson, saved: null, version: null };
  // A model without a built-in treats "built-in" (def=) as "not chosen yet": the newest saved one is shown.
  const definitionName = builtInJson === null && state.definitionName === null ? undefined : state.definitionName;
  if (definitionName === null) return builtIn;
  // The saved list could not be read: the built-in default keeps the page usable (a notice says why).
  if (savedDefinitions === undefined) {
    if (!list.failed) return { status: "loading" };
    return builtInJson === null ? { status: "missing", message: `The saved ${MODELS[state.modelId].name} definitions could not be loaded, and this model has no built-in one.` } : builtIn;
  }
  // Not chosen yet: the newest saved definition gets picked (the page writes it to the URL); none saved → built-in.
  if (definitionName === undefined) return savedDefinitions.length > 0 ? { status: "loading" } : builtIn;
  const saved = savedDefinitions.find((candidate) => candidate.name === definitionName);
  // A version just saved may not be in the list yet: wait for the refetch before calling it missing.
  if (!saved) {
    if (list.fetching) return { status: "loading" };
    return { status: "missing", message: `There is no saved ${MODELS[state.modelId].name} definition named “${definitionName}” in this dataset.` };
  }
  const wanted = state.definitionVersion ?? saved.latest.version;
  const version = saved.history.find((candidate) => candidate.version === wanted);
  if (!version) {
    if (list.fetching) return { status: "loading" };
    return { status: "missing", message: `“${saved.name}” has no version ${wanted}; its latest is v${saved.latest.version}.` };
  }
  const checked = validateDefinition(state.modelId, version.definition);
  if (!checked.ok) {
    return { status: "missing", message: `Version ${version.version} of “${saved.name}” no longer validates: ${checked.errors.join("; ")}` };
  }
  return { status: "ready", definition: checked.definition, saved, version };
}

/** The saved definition whose latest version is the most recent: where a fresh visit starts. */
export function newestSavedDefinition(definitions: readonly SavedDefinition[]): SavedDefinition | undefined {
  return [...definitions].sort((a, b) => (a.latest.createdAt < b.latest.createdAt ? 1 : a.latest.createdAt > b.latest.createdAt ? -1 : 0))[0];
}
