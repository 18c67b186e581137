/**
 * Scores intent (lib/definitions/intent.ts): points per capped event count,
 * summed per user, banded. `scores` holds each user's intent points.
 */
import { INTENT_SEGMENTS, type IntentDefinition } from "../definitions/intent";
import { storeAsOf, type FeatureStore } from "./feature-store";
import type { ScoreOptions, Segmentation } from "./segmentation";

const HIGH = 0;
const MEDIUM = 1;
const LOW = 2;

export function scoreIntent(store: FeatureStore, definition: IntentDefinition, options: ScoreOptions = {}): Segmentation {
  const scoredStore = storeAsOf(store, options.asOf);
  const scores = new Float64Array(scoredStore.size);
  const missing: string[] = [];
  for (const signal of definition.signals) {
    const counts = scoredStore.eventCounts?.[signal.event];
    if (!counts) {
      missing.push(`“${signal.event}”`);
      continue; // nobody did it: adds 0
    }
    const cap = signal.maxCount ?? Number.POSITIVE_INFINITY;
    const points = signal.points;
    for (let i = 0; i < scores.length; i++) {
      const count = counts[i]!;
      // a missing count (NaN) is no occurrence
      scores[i]! += points * (count < cap ? count : count === count ? cap : 0);
    }
  }
  const { highAtLeast, mediumAtLeast } = definition.bands;
  const labels = new Uint16Array(scoredStore.size);
  for (let i = 0; i < labels.length; i++) {
    const score = scores[i]!;
    labels[i] = score >= highAtLeast ? HIGH : score >= mediumAtLeast ? MEDIUM : LOW;
  }
  const warnings =
    missing.length > 0 ? [`No ${missing.join(", ")} events in this dataset's window: ${missing.length === 1 ? "that signal adds" : "those signals add"} 0 points`] : [];
  return { labels, segments: [...INTENT_SEGMENTS], scores, warnings };
}
