import { z } from "zod";
import { DIMENSION_NAMES, DimensionFiltersSchema, type DimensionFilters } from "../definitions/dimension-filters";
import { PlaybookSchema } from "../definitions/playbook";
import { definitionRefSchema, modelIdTextSchema } from "./segment-definitions.types";

// What every segments request names: which model and definition, which users
// (filters) and which data (as-of). Shared by POST …/segments, GET
// …/segments/members and GET …/segments/export, so the three agree on the
// same view. No database imports here: the browser imports this file.

/**
 * "2025-11-28" (the as-of day: events up to the end of that local day count)
 * or an ISO instant equal to the features' as-of. Only the as-of the features
 * were computed for can be served; anything else is a 400 saying how to get it.
 */
export const asOfSchema = z
  .string()
  .trim()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isFinite(Date.parse(text)), "asOf must be a date (YYYY-MM-DD) or an ISO timestamp");

export const segmentScopeSchema = z.strictObject({
  /** Default: behavior rules, the default view. */
  modelId: modelIdTextSchema.default("behavior-rules"),
  /** An unsaved definition (the editor's current state). Omit both this and definitionRef for the model's default. */
  definition: z.unknown().optional(),
  /** A saved definition: `{ name, version? }` (latest version without one). */
  definitionRef: definitionRefSchema.optional(),
  /** Suggested actions to show (e.g. an edited playbook); over the saved one, over the default playbook. */
  playbook: PlaybookSchema.nullish(),
  /** Whom to show: values within a dimension are alternatives, dimensions combine with AND; null = no value. */
  filters: DimensionFiltersSchema.default({}),
  asOf: asOfSchema.optional(),
});
export type SegmentScope = z.infer<typeof segmentScopeSchema>;
export type SegmentScopeInput = z.input<typeof segmentScopeSchema>;

/**
 * A scope in a URL query, for GET routes and shareable links:
 *
 *   ?modelId=rfm&definitionName=Default&definitionVersion=3&channel=ads&channel=social&plan=&asOf=2025-11-28
 *   ?modelId=behavior-rules&definition={"rules":[…],"fallback":"Casual"}     (URL-encoded JSON)
 *
 * A filter value that is empty (`plan=`) selects users without a value.
 */
export function segmentScopeToSearchParams(scope: SegmentScopeInput, params = new URLSearchParams()): URLSearchParams {
  if (scope.modelId) params.set("modelId", scope.modelId);
  if (scope.definition !== undefined) params.set("definition", JSON.stringify(scope.definition));
  if (scope.definitionRef) {
    params.set("definitionName", scope.definitionRef.name);
    if (scope.definitionRef.version !== undefined) params.set("definitionVersion", String(scope.definitionRef.version));
  }
  if (scope.playbook) params.set("playbook", JSON.stringify(scope.playbook));
  const filters: DimensionFilters = scope.filters ?? {};
  for (const dimension of DIMENSION_NAMES) for (const value of filters[dimension] ?? []) params.append(dimension, value ?? "");
  if (scope.asOf) params.set("asOf", scope.asOf);
  return params;
}

/** Thrown for a `definition` or `playbook` parameter that is not JSON; the zod error names the field. */
function parseJsonParam(text: string, field: string, context: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text);
  } catch {
    context.addIssue({ code: "custom", path: [field], message: `${field} must be JSON (URL-encoded)` });
    return z.NEVER;
  }
}

/** The raw object a query string describes, before segmentScopeSchema checks it. */
function scopeObjectFromSearchParams(params: URLSearchParams, context: z.RefinementCtx): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  const modelId = params.get("modelId");
  if (modelId !== null) scope.modelId = modelId;
  const definition = params.get("definition");
  if (definition !== null) scope.definition = parseJsonParam(definition, "definition", context);
  const definitionName = params.get("definitionName");
  const definitionVersion = params.get("definitionVersion");
  if (definitionName !== null) scope.definitionRef = { name: definitionName, ...(definitionVersion !== null ? { version: definitionVersion } : {}) };
  else if (definitionVersion !== null) context.addIssue({ code: "custom", path: ["definitionVersion"], message: "definitionVersion needs definitionName" });
  const playbook = params.get("playbook");
  if (playbook !== null) scope.playbook = parseJsonParam(playbook, "playbook", context);
  const filters: Record<string, (string | null)[]> = {};
  for (const dimension of DIMENSION_NAMES) {
    const values = params.getAll(dimension);
    if (values.length > 0) filters[dimension] = values.map((value) => (value === "" ? null : value));
  }
  scope.filters = filters;
  const asOf = params.get("asOf");
  if (asOf !== null && asOf !== "") scope.asOf = asOf;
  return scope;
}

/** Parses a URL query into a scope (zod errors name the parameter); other parameters (page, sort …) are ignored. */
export const segmentScopeFromSearchParamsSchema = z
  .instanceof(URLSearchParams)
  .transform((params, context) => scopeObjectFromSearchParams(params, context))
  .pipe(segmentScopeSchema);
