/**
 * Intent scoring: points per behavior that signals buying intent (or its
 * absence), summed per user from event counts in the feature window, then
 * banded High / Medium / Low.
 *
 *   score = Σ signal.points × min(count of signal.event, signal.maxCount)
 *
 * maxCount caps how often one behavior counts (1 = "did it at all"); without
 * it every occurrence counts.
 */
import { z } from "zod";
import { EventNameSchema, finiteNumber } from "./condition";
import { formatNumber } from "./plain-numbers";
import type { SegmentCriteria } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

export const IntentSignalSchema = z.strictObject({
  event: EventNameSchema,
  /** Plain words for the behavior ("Viewed pricing"); the event name when omitted. */
  label: z.string().trim().min(1).max(80).optional(),
  points: finiteNumber,
  maxCount: finiteNumber.optional(),
});
export type IntentSignal = z.output<typeof IntentSignalSchema>;

const IntentShape = z.strictObject({
  signals: z.array(IntentSignalSchema).min(1).max(50),
  bands: z.strictObject({ highAtLeast: finiteNumber, mediumAtLeast: finiteNumber }),
});

export type IntentDefinition = z.output<typeof IntentShape>;

export const INTENT_SEGMENTS = ["High intent", "Medium intent", "Low intent"] as const;

export function signalLabel(signal: IntentSignal): string {
  return signal.label ?? `“${signal.event}”`;
}

export function intentProblems(definition: IntentDefinition): string[] {
  const problems: string[] = [];
  definition.signals.forEach((signal, index) => {
    if (signal.maxCount !== undefined && (!Number.isInteger(signal.maxCount) || signal.maxCount < 1)) {
      problems.push(`Signal ${index + 1} ${signalLabel(signal)}: maxCount must be a whole number ≥ 1 (got ${formatNumber(signal.maxCount)})`);
    }
  });
  const seen = new Map<string, number>();
  definition.signals.forEach((signal, index) => {
    const first = seen.get(signal.event);
    if (first !== undefined) {
      problems.push(`Signal ${index + 1} repeats event “${signal.event}” of signal ${first + 1}; give each event one signal`);
    } else {
      seen.set(signal.event, index);
    }
  });
  const { highAtLeast, mediumAtLeast } = definition.bands;
  if (mediumAtLeast >= highAtLeast) {
    problems.push(
      `"Medium intent" can never match: it starts at ${formatNumber(mediumAtLeast)} points, not below "High intent" at ${formatNumber(highAtLeast)}`,
    );
  }
  const uncapped = definition.signals.some((signal) => signal.points > 0 && signal.maxCount === undefined);
  if (!uncapped) {
    const best = definition.signals.reduce((sum, signal) => sum + Math.max(0, signal.points) * (signal.maxCount ?? 1), 0);
    if (best < highAtLeast) {
      problems.push(`"High intent" can never match: the signals add up to at most ${formatNumber(best)} points, below ${formatNumber(highAtLeast)}`);
    }
  }
  return problems;
}

export const IntentDefinitionSchema = IntentShape.superRefine((definition, context) => {
  for (const message of intentProblems(definition)) context.addIssue({ code: "custom", message });
});

/**
 * Each behavior counts once (maxCount 1), so scores run from −4 to 15: pricing
 * and an invite (11) are High intent, pricing alone (5) Medium, a demo replay
 * alone (4) Low. Event names: edit them to match your tracking
 * (view_pricing and invite_teammate are the demo dataset's).
 */
export const DEFAULT_INTENT: IntentDefinition = deepFreeze({
  signals: [
    { event: "view_pricing", label: "Viewed pricing", points: 5, maxCount: 1 },
    { event: "replay_demo", label: "Replayed the demo", points: 4, maxCount: 1 },
    { event: "invite_teammate", label: "Invited a teammate", points: 6, maxCount: 1 },
    { event: "skip_onboarding", label: "Skipped onboarding", points: -3, maxCount: 1 },
    { event: "email_opened_no_click", label: "Opened an email without clicking", points: -1, maxCount: 1 },
  ],
  bands: { highAtLeast: 10, mediumAtLeast: 5 },
});

export function describeIntentCriteria(definition: IntentDefinition): SegmentCriteria[] {
  const points = definition.signals
    .map((signal) => {
      const sign = signal.points >= 0 ? "+" : "−";
      const cap = signal.maxCount === undefined ? " each time" : signal.maxCount === 1 ? "" : ` each, up to ${formatNumber(signal.maxCount)}×`;
      return `${signalLabel(signal)} ${sign}${formatNumber(Math.abs(signal.points))}${cap}`;
    })
    .join(", ");
  const { highAtLeast, mediumAtLeast } = definition.bands;
  return [
    { segment: "High intent", criteria: `intent score ≥ ${formatNumber(highAtLeast)} (${points})` },
    { segment: "Medium intent", criteria: `intent score ≥ ${formatNumber(mediumAtLeast)} and < ${formatNumber(highAtLeast)}` },
    { segment: "Low intent", criteria: `intent score < ${formatNumber(mediumAtLeast)}` },
  ];
}
