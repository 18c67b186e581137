import { z } from "zod";

export const severitySchema = z.enum(["high", "medium", "low"]);
export type Severity = z.infer<typeof severitySchema>;

/** Analyses a tracking problem can make wrong (named as on the dataset tabs). */
export const analysisSchema = z.enum(["retention", "funnels", "segments", "rfm", "revenue", "sessions", "conversion", "insights", "breakdowns", "activity"]);
export type Analysis = z.infer<typeof analysisSchema>;

/** One problem found in the data, with what proves it and what to change in the instrumentation. */
export const findingSchema = z.object({
  id: z.string(),
  severity: severitySchema,
  title: z.string(),
  evidence: z.object({
    /** Exact counts behind the finding (names in camelCase). */
    counts: z.record(z.string(), z.number()),
    /** Up to 5 examples a person can look up. */
    examples: z.array(z.string()).max(5),
  }),
  fix: z.string(),
  blocks: z.array(analysisSchema),
});
export type Finding = z.infer<typeof findingSchema>;

export const auditSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  events: z.number().int(),
  users: z.number().int(),
  /** High first, then medium, then low; by id within a severity. */
  findings: z.array(findingSchema),
  definition: z.string(),
});
export type Audit = z.infer<typeof auditSchema>;

/** What every check receives: the dataset and its settings. Checks run inside one transaction with the dataset timezone set. */
export interface AuditContext {
  datasetId: number;
  timezone: string;
  kind: string;
  signupEvent: string | null;
  activationEvent: string | null;
  events: number;
  users: number;
}

export const MAX_EXAMPLES = 5;
