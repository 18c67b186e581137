/**
 * Everything the segment explorer shows is decided by its URL, so a link (or a
 * reload) reproduces the same numbers:
 *
 *   /datasets/shop/segments?model=behavior-rules&def=Default&v=3
 *     &rules.Dormant.recencyDays=20    ← edited thresholds (keys from thresholds.ts = the CLI's --set paths)
 *     &playbook={"Dormant":"Call them"}  ← edited suggested actions (URL-encoded JSON; playbook-edits.ts)
 *     &channel=ads&channel=social      ← filters: values of one dimension are alternatives
 *     &asOf=2026-06-30&compare=1
 *     &segment=Dormant&page=2&sort=recencyDays&dir=desc   ← the open member list
 *
 * `def` names the saved definition the edits start from and `v` pins its
 * version; `def=` (empty) is the model's built-in default; without `def` the
 * page picks the newest saved definition of the model (or the built-in one).
 * Unknown or malformed values fall back to defaults one by one. Pure.
 */
import { DIMENSION_NAMES, type DimensionFilters } from "@/lib/definitions/dimension-filters";
import { isModelId, MODEL_IDS, type ModelId } from "@/lib/definitions/models";
import type { Playbook } from "@/lib/definitions/playbook";
import { parsePlaybookEdits, serializePlaybookEdits } from "./playbook-edits";

export const MEMBER_PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

export interface MemberListState {
  page: number;
  pageSize: number;
  /** A column key or "userId"; null = the server's default (score, else user id). */
  sort: string | null;
  dir: "asc" | "desc" | null;
}

export interface ExplorerState {
  modelId: ModelId;
  /** Saved definition the edits start from; null = the built-in default; undefined = not chosen yet. */
  definitionName: string | null | undefined;
  /** Pinned version of the saved definition; null = its latest. */
  definitionVersion: number | null;
  /** Edited thresholds: key → value as typed. */
  overrides: Record<string, string>;
  /** Edited suggested actions: segment → action, over the shown version's playbook. */
  playbook: Playbook;
  filters: DimensionFilters;
  /** YYYY-MM-DD; null = the date the features were computed for. */
  asOf: string | null;
  /** Show the saved definition's numbers beside the draft's. */
  compare: boolean;
  /** The segment whose members are listed. */
  segment: string | null;
  members: MemberListState;
}

const RESERVED = new Set<string>(["model", "def", "v", "playbook", "asOf", "compare", "segment", "page", "pageSize", "sort", "dir", ...DIMENSION_NAMES]);

export const DEFAULT_EXPLORER_STATE: ExplorerState = {
  modelId: MODEL_IDS[0]!,
  definitionName: undefined,
  definitionVersion: null,
  overrides: {},
  playbook: {},
  filters: {},
  asOf: null,
  compare: false,
  segment: null,
  members: { page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: null, dir: null },
};

function positiveInteger(text: string | null): number | null {
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 ? value : null;
}

export function parseExplorerState(params: URLSearchParams): ExplorerState {
  const model = params.get("model");
  const def = params.get("def");
  const filters: DimensionFilters = {};
  for (const dimension of DIMENSION_NAMES) {
    const values = params.getAll(dimension);
    // An empty value selects users without one (as the API reads it).
    if (values.length > 0) filters[dimension] = [...new Set(values)].map((value) => (value === "" ? null : value));
  }
  const overrides: Record<string, string> = {};
  for (const [key, value] of params) if (!RESERVED.has(key)) overrides[key] = value;
  const asOf = params.get("asOf");
  const pageSize = positiveInteger(params.get("pageSize"));
  const dir = params.get("dir");
  const sort = params.get("sort")?.trim();
  const segment = params.get("segment")?.trim();
  return {
    modelId: model !== null && isModelId(model) ? model : DEFAULT_EXPLORER_STATE.modelId,
    definitionName: def === null ? undefined : def.trim() === "" ? null : def.trim(),
    definitionVersion: def !== null && def.trim() !== "" ? positiveInteger(params.get("v")) : null,
    overrides,
    playbook: parsePlaybookEdits(params.get("playbook")),
    filters,
    asOf: asOf !== null && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    compare: params.get("compare") === "1",
    segment: segment ? segment : null,
    members: {
      page: positiveInteger(params.get("page")) ?? 1,
      pageSize: pageSize !== null && (MEMBER_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
      sort: sort ? sort : null,
      dir: dir === "asc" || dir === "desc" ? dir : null,
    },
  };
}

/** The query string of a state, in a fixed order, defaults left out. */
export function serializeExplorerState(state: ExplorerState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.modelId !== DEFAULT_EXPLORER_STATE.modelId) params.set("model", state.modelId);
  if (state.definitionName !== undefined) {
    params.set("def", state.definitionName ?? "");
    if (state.definitionName !== null && state.definitionVersion !== null) params.set("v", String(state.definitionVersion));
  }
  for (const [key, value] of Object.entries(state.overrides)) params.set(key, value);
  const playbook = serializePlaybookEdits(state.playbook);
  if (playbook !== null) params.set("playbook", playbook);
  for (const dimension of DIMENSION_NAMES) for (const value of state.filters[dimension] ?? []) params.append(dimension, value ?? "");
  if (state.asOf) params.set("asOf", state.asOf);
  if (state.compare) params.set("compare", "1");
  if (state.segment) {
    params.set("segment", state.segment);
    if (state.members.page !== 1) params.set("page", String(state.members.page));
    if (state.members.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(state.members.pageSize));
    if (state.members.sort) params.set("sort", state.members.sort);
    if (state.members.dir) params.set("dir", state.members.dir);
  }
  return params;
}

/** True when some dimension is filtered. */
export function hasFilters(filters: DimensionFilters): boolean {
  return DIMENSION_NAMES.some((dimension) => (filters[dimension]?.length ?? 0) > 0);
}
