import type { Insights } from "@/lib/insights/insights.types";
import { countText, directionHeading, rateText } from "./insight-labels";

/** Sentences shown per direction: the strongest findings, not the whole ranking (the table has that). */
const TOP_SENTENCES = 3;

/** Who was compared (n, base rate, as-of) and the top behaviors in plain words, small samples left to the table. */
export function InsightsSummary({ insights }: { insights: Insights }) {
  const top = (["raises", "lowers"] as const).map((direction) => ({
    direction,
    sentences: insights[direction].filter((behavior) => !behavior.smallSample).slice(0, TOP_SENTENCES),
  }));
  return (
    <section aria-label="Summary" className="space-y-3 rounded-lg border border-indigo-100 bg-indigo-50 px-5 py-4 text-sm text-indigo-950" data-testid="insights-summary">
      <p data-testid="insights-population">
        Compared {countText(insights.eligibleUsers)} users first seen at least {insights.outcomeWindowDays} days before the data&apos;s as-of day ({insights.asOfDay},{" "}
        {insights.timezone}); base rate {rateText(insights.baseRate)} ({countText(insights.outcomeUsers)} users). {countText(insights.tooRecentUsers)} newer users are left out
        because their outcome is not known yet.
      </p>
      {top.map(({ direction, sentences }) =>
        sentences.length === 0 ? null : (
          <div key={direction}>
            <h3 className="font-semibold">{directionHeading(direction, insights.outcome)}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5" data-testid={`summary-${direction}`}>
              {sentences.map((behavior) => (
                <li key={behavior.id}>{behavior.sentence}</li>
              ))}
            </ul>
          </div>
        ),
      )}
    </section>
  );
}
