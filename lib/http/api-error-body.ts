import { z } from "zod";

/**
 * The one error shape every Strata API route answers with, so the UI, the CLI
 * and scripts show the same message for the same problem.
 */
export const apiErrorBodySchema = z.object({
  error: z.object({
    /** Stable machine-readable code: `invalid_request`, `bad_file`, `not_found`, `internal`. */
    code: z.string(),
    /** Written for a person; safe to show as-is. */
    message: z.string(),
    /** Present on unexpected errors: quote it when reporting a problem, it is in the server log. */
    id: z.string().optional(),
    /** Present when there are several problems to show one by one (an invalid segment definition: one sentence each). */
    details: z.array(z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
