import { industryThreshold, thresholdSentence, type IndustryThresholdId } from "@/lib/definitions/industry-thresholds";

/** "Sources: GA4 Help ↗, Amplitude docs ↗" — links open in a new tab. */
export function ThresholdSources({ id }: { id: IndustryThresholdId }) {
  const { sources } = industryThreshold(id);
  return (
    <span>
      {sources.length === 1 ? "Source: " : "Sources: "}
      {sources.map((source, index) => (
        <span key={source.url}>
          {index > 0 && ", "}
          <a href={source.url} target="_blank" rel="noreferrer" className="text-indigo-700 underline decoration-indigo-300 hover:decoration-indigo-700">
            {source.name}
          </a>
        </span>
      ))}
      .
    </span>
  );
}

/**
 * An industry threshold where the app suggests it: the value, who says so and
 * what kind of number it is, optionally the caveat, and the sources
 * (lib/definitions/industry-thresholds.ts).
 */
export function IndustryThresholdNote({ id, showCaveat = false, className }: { id: IndustryThresholdId; showCaveat?: boolean; className?: string }) {
  const threshold = industryThreshold(id);
  return (
    <span data-testid={`industry-threshold-${id}`} className={className}>
      {threshold.label}: {thresholdSentence(threshold)} {showCaveat && <>{threshold.caveat} </>}
      <ThresholdSources id={id} />
    </span>
  );
}
