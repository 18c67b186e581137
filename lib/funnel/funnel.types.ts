import { z } from "zod";
import { parseGroupBy } from "../analytics/user-groups.types";

// Request and response shapes of the funnel (API, CLI and UI). No database
// imports here: the browser imports this file.

export const MAX_FUNNEL_STEPS = 10;

/** A step: an event name, optionally only the events whose property (as text) equals a value. */
export const funnelStepSchema = z.object({
  event: z.string().min(1).max(200),
  filter: z.object({ property: z.string().min(1).max(200), equals: z.string().max(500) }).optional(),
});
export type FunnelStep = z.infer<typeof funnelStepSchema>;

/**
 * Step syntax of the query string and the CLI: `event` or `event[property=value]`
 * (e.g. `upgrade[to_plan=team]`). Everything up to the first "[" is the event name.
 */
export function parseStepText(text: string): FunnelStep {
  const trimmed = text.trim();
  const match = /^([^[\]]+)\[([^=\]]+)=(.*)\]$/.exec(trimmed);
  if (!match) return funnelStepSchema.parse({ event: trimmed });
  return funnelStepSchema.parse({ event: match[1]!.trim(), filter: { property: match[2]!.trim(), equals: match[3]! } });
}

export function formatStepText(step: FunnelStep): string {
  return step.filter ? `${step.event}[${step.filter.property}=${step.filter.equals}]` : step.event;
}

export const funnelWindowUnitSchema = z.enum(["minutes", "hours", "days"]);
export type FunnelWindowUnit = z.infer<typeof funnelWindowUnitSchema>;
export const funnelWindowSchema = z.object({ amount: z.number().int().min(1).max(100_000), unit: funnelWindowUnitSchema });
export type FunnelWindow = z.infer<typeof funnelWindowSchema>;

const WINDOW_UNIT_LETTERS: Record<string, FunnelWindowUnit> = { m: "minutes", h: "hours", d: "days" };
const WINDOW_UNIT_MS: Record<FunnelWindowUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** "7d" / "12h" / "30m" → a window. Days are 24-hour spans from step 1 (not calendar days, so DST changes nothing). */
export const windowTextSchema = z
  .string()
  .trim()
  .regex(/^\d+\s*[mhd]$/, 'expected a number and a unit letter, e.g. "7d", "12h" or "30m"')
  .transform((text) => funnelWindowSchema.parse({ amount: Number.parseInt(text, 10), unit: WINDOW_UNIT_LETTERS[text.at(-1)!] }));

export function formatWindowText(window: FunnelWindow): string {
  return `${window.amount}${window.unit[0]}`;
}

export function windowMs(window: FunnelWindow): number {
  return window.amount * WINDOW_UNIT_MS[window.unit];
}

/**
 * - any (default): each next step at or after the previous one; other events in between are fine.
 * - strict: each next step must be the user's very next event (PostHog's "strict order"): any other
 *   event in between — a step event or not — breaks the attempt.
 */
export const funnelOrderSchema = z.enum(["any", "strict"]);
export type FunnelOrder = z.infer<typeof funnelOrderSchema>;

/**
 * Breakdown of the query string: none, cohort:week | cohort:month (first-seen
 * period in the dataset timezone), or a user grouping of lib/analytics/user-groups.ts
 * (channel, plan, country, signupMonth, segment:<definition>[@version]).
 */
export const funnelBreakdownSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((text) => text === "none" || text === "cohort:week" || text === "cohort:month" || typeof parseGroupBy(text) !== "string", {
    message: "expected none, cohort:week, cohort:month, channel, plan, country, signupMonth or segment:<definition name>[@version]",
  });
export type FunnelBreakdown = z.infer<typeof funnelBreakdownSchema>;

/** The parsed funnel question (same for API and CLI). */
export const funnelQuerySchema = z.object({
  steps: z.array(funnelStepSchema).min(2, "a funnel needs at least 2 steps").max(MAX_FUNNEL_STEPS, `at most ${MAX_FUNNEL_STEPS} steps`),
  window: funnelWindowSchema.default({ amount: 7, unit: "days" }),
  order: funnelOrderSchema.default("any"),
  breakdown: funnelBreakdownSchema.default("none"),
});
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

const queryStringSchema = z.object({
  steps: z.string().optional(),
  step: z.array(z.string()).default([]),
  window: windowTextSchema.optional(),
  order: funnelOrderSchema.optional(),
  breakdown: funnelBreakdownSchema.optional(),
});

/**
 * GET query string → funnel query: `steps=a,b,c` (comma-separated) or repeated
 * `step=` params (for names or values containing commas); `window=7d`,
 * `order=any|strict`, `breakdown=…`.
 */
export function parseFunnelSearchParams(params: URLSearchParams): FunnelQuery {
  const raw = queryStringSchema.parse({
    steps: params.get("steps") ?? undefined,
    step: params.getAll("step"),
    window: params.get("window") ?? undefined,
    order: params.get("order") ?? undefined,
    breakdown: params.get("breakdown") ?? undefined,
  });
  const texts = [...(raw.steps ? raw.steps.split(",") : []), ...raw.step].filter((text) => text.trim() !== "");
  return funnelQuerySchema.parse({ steps: texts.map(parseStepText), window: raw.window, order: raw.order, breakdown: raw.breakdown });
}

/** The funnel query as a query string (the UI's API URL; round-trips through parseFunnelSearchParams). */
export function funnelSearchParams(query: FunnelQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const step of query.steps) search.append("step", formatStepText(step));
  search.set("window", formatWindowText(query.window));
  search.set("order", query.order);
  search.set("breakdown", query.breakdown);
  return search;
}

/**
 * One step of one series.
 * - users: users whose furthest step (over all their attempts) is this step or later.
 * - percentOfFirst / percentOfPrevious: null when the denominator is 0 (0/0 policy: no rate, "—"); percentOfPrevious null for step 1.
 * - dropOffFromPrevious: users who reached the previous step but not this one (null for step 1).
 * - medianSecondsFromPrevious: median over the users who reached this step of the time from the
 *   previous step, on each user's counted attempt; null for step 1 or when nobody reached it.
 */
export const funnelStepResultSchema = z.object({
  step: z.number().int().min(1),
  label: z.string(),
  users: z.number().int().min(0),
  percentOfFirst: z.number().min(0).max(100).nullable(),
  percentOfPrevious: z.number().min(0).max(100).nullable(),
  dropOffFromPrevious: z.number().int().min(0).nullable(),
  medianSecondsFromPrevious: z.number().min(0).nullable(),
});
export type FunnelStepResult = z.infer<typeof funnelStepResultSchema>;

export const EVERYONE_SERIES = "Everyone";

export const funnelSeriesSchema = z.object({ name: z.string(), steps: z.array(funnelStepResultSchema) });
export type FunnelSeries = z.infer<typeof funnelSeriesSchema>;

export const funnelResultSchema = z.object({
  dataset: z.string(),
  timezone: z.string(),
  steps: z.array(funnelStepSchema),
  window: funnelWindowSchema,
  order: funnelOrderSchema,
  breakdown: funnelBreakdownSchema,
  /** Human label of the breakdown ("Channel", "First-seen week", "Segment of Default v3"). */
  breakdownLabel: z.string().nullable(),
  definitionVersion: z.number().int().nullable(),
  /** As-of day of the features a segment or dimension breakdown was taken from. */
  groupsAsOfDay: z.string().nullable(),
  definition: z.string(),
  /** "Everyone" first, then the breakdown series in their order (their users add up to Everyone's). */
  series: z.array(funnelSeriesSchema),
});
export type FunnelResult = z.infer<typeof funnelResultSchema>;

export const MAX_DROPOFF_PAGE_SIZE = 500;

/** GET …/funnel/dropoff: the funnel query plus which drop-off (users whose furthest step is `after`). */
export const dropOffQuerySchema = z.object({
  after: z.coerce.number().int().min(1).max(MAX_FUNNEL_STEPS - 1),
  series: z.string().max(300).default(EVERYONE_SERIES),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_DROPOFF_PAGE_SIZE).default(50),
});
export type DropOffQuery = z.infer<typeof dropOffQuerySchema>;

export const dropOffUserSchema = z.object({
  userId: z.string(),
  /** Step 1 of the user's counted attempt (ISO instant). */
  startedAt: z.string(),
  /** The last step reached on that attempt (ISO instant). */
  lastStepAt: z.string(),
});
export type DropOffUser = z.infer<typeof dropOffUserSchema>;

export const dropOffPageSchema = z.object({
  after: z.number().int(),
  afterLabel: z.string(),
  nextLabel: z.string(),
  series: z.string(),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
  users: z.array(dropOffUserSchema),
});
export type DropOffPage = z.infer<typeof dropOffPageSchema>;
