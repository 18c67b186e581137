import { z } from "zod";
import { PlaybookSchema } from "../definitions/playbook";

// Request and response shapes of GET/POST /api/datasets/[name]/definitions.
// No database imports here: the browser imports this file.

// Limits the save forms' inputs share with the API, so a box never accepts what the API would refuse.
export const DEFINITION_NAME_MAX_LENGTH = 80;
export const DEFINITION_NOTE_MAX_LENGTH = 500;

/** The name a team gives a saved definition ("Default", "Q3 activation push"). */
export const definitionNameSchema = z
  .string()
  .trim()
  .min(1, "Definition name is required")
  .max(DEFINITION_NAME_MAX_LENGTH, `Definition name must be at most ${DEFINITION_NAME_MAX_LENGTH} characters`);

/** A model id as text: validateDefinition names the allowed ids when it is unknown. */
export const modelIdTextSchema = z.string().trim().min(1, "modelId is required").max(40);

/** POST body: saves a new immutable version (version 1 when the name is new). */
export const saveDefinitionRequestSchema = z.strictObject({
  modelId: modelIdTextSchema,
  name: definitionNameSchema,
  /** The model's definition JSON; checked by validateDefinition (400 with its messages). */
  definition: z.unknown(),
  /** Suggested action per segment; segments it does not name fall back to the default playbook. */
  playbook: PlaybookSchema.nullish(),
  /** Who saves it (free text until Strata has accounts). */
  createdBy: z.string().trim().min(1).max(120).optional(),
  /** Why it was changed, in the person's words; kept beside the computed changes (change-note.ts). */
  note: z.string().trim().max(DEFINITION_NOTE_MAX_LENGTH).optional(),
});
export type SaveDefinitionRequest = z.infer<typeof saveDefinitionRequestSchema>;

export const definitionVersionSchema = z.object({
  id: z.number().int(),
  modelId: z.string(),
  name: z.string(),
  version: z.number().int().min(1),
  /** The validated definition (defaults filled in), exactly as scored. */
  definition: z.unknown(),
  playbook: z.record(z.string(), z.string()).nullable(),
  createdBy: z.string(),
  /** ISO-8601 UTC. */
  createdAt: z.string(),
  /** What changed against the previous version, one line per change ("First version" for v1). */
  changes: z.array(z.string()),
  /** The saver's own note ("why"); null when none was given. */
  note: z.string().nullable(),
});
export type DefinitionVersion = z.infer<typeof definitionVersionSchema>;

/** One named definition: its latest version and every version, newest first. */
export const savedDefinitionSchema = z.object({
  modelId: z.string(),
  name: z.string(),
  latest: definitionVersionSchema,
  history: z.array(definitionVersionSchema),
});
export type SavedDefinition = z.infer<typeof savedDefinitionSchema>;

/** GET query: optionally only one model's definitions. */
export const listDefinitionsQuerySchema = z.object({
  modelId: modelIdTextSchema.optional(),
});

export const definitionListSchema = z.object({
  datasetName: z.string(),
  /** Ordered by model (picker order), then name. */
  definitions: z.array(savedDefinitionSchema),
});
export type DefinitionList = z.infer<typeof definitionListSchema>;

/** A saved definition named in a request: the latest version when `version` is omitted. */
export const definitionRefSchema = z.strictObject({
  name: definitionNameSchema,
  version: z.coerce.number().int().min(1).optional(),
});
export type DefinitionRef = z.infer<typeof definitionRefSchema>;
