import { z } from "zod";
import { recommendationRulesSchema } from "./recommendation-rules";

// The recommendation playbook of a dataset, as GET/PUT /api/datasets/[name]/playbook,
// `strata playbook --json` and the Playbook page exchange it.

/** One version; version 0 is the built-in rules of a dataset whose playbook was never saved. */
export const playbookVersionSchema = z.object({
  version: z.number().int().min(0),
  builtIn: z.boolean(),
  /** The saver's "why", as typed; null when none was given. */
  note: z.string().nullable(),
  /** What changed against the previous version ("Changed advocates", "Reset to the built-in rules"). */
  changes: z.array(z.string()),
  /** ISO time of the save; null for the built-in rules. */
  savedAt: z.string().nullable(),
  rules: recommendationRulesSchema,
});
export type PlaybookVersion = z.infer<typeof playbookVersionSchema>;

export const playbookVersionSummarySchema = playbookVersionSchema.omit({ rules: true, builtIn: true }).extend({
  ruleCount: z.number().int(),
  enabledCount: z.number().int(),
});
export type PlaybookVersionSummary = z.infer<typeof playbookVersionSummarySchema>;

export const playbookResponseSchema = z.object({
  dataset: z.string(),
  /** The newest version: what every report uses. */
  inForce: playbookVersionSchema,
  /** Every saved version, newest first (empty until the first save). */
  versions: z.array(playbookVersionSummarySchema),
  /** The built-in rules, for "reset to defaults" and comparison. */
  defaults: recommendationRulesSchema,
});
export type PlaybookResponse = z.infer<typeof playbookResponseSchema>;

/** PUT body: the whole new playbook, or a reset to the built-in rules; either with an optional note. */
export const savePlaybookRequestSchema = z
  .strictObject({
    // Checked by validatePlaybookRules, which says where each problem is.
    rules: z.unknown().optional(),
    reset: z.literal(true, { error: 'reset must be true (to go back to the built-in rules)' }).optional(),
    note: z.string().trim().max(500, "A note is at most 500 characters").optional(),
  })
  .refine((body) => (body.rules === undefined) !== (body.reset === undefined), { message: "Send either rules (the whole new playbook) or reset: true" });
export type SavePlaybookRequest = z.infer<typeof savePlaybookRequestSchema>;

/** Which playbook a report's recommendations came from. */
export const playbookRefSchema = playbookVersionSchema.pick({ version: true, builtIn: true, note: true, savedAt: true });
export type PlaybookRef = z.infer<typeof playbookRefSchema>;
