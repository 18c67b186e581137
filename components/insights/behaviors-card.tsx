"use client";

import { ChartCard } from "@/components/charts/chart-card";
import type { Insights } from "@/lib/insights/insights.types";
import { countText, OUTCOME_LABELS } from "./insight-labels";
import { RankedBehaviorsTable } from "./ranked-behaviors-table";

interface BehaviorsCardProps {
  insights: Insights | undefined;
  status: "loading" | "error" | "empty" | "ready";
  error: unknown;
  onRetry: () => void;
  emptyMessage: React.ReactNode;
  definition: React.ReactNode;
}

/** The ranked behaviors, split by direction: the page's main table (the "table" view lists both directions in one ranking by score). */
export function BehaviorsCard({ insights, status, error, onRetry, emptyMessage, definition }: BehaviorsCardProps) {
  const outcome = insights?.outcome ?? "retained";
  return (
    <ChartCard
      testId="behaviors-card"
      title={`Behaviors that go with ${OUTCOME_LABELS[outcome]}`}
      description={insights ? `Each behavior compared with the rest of the ${countText(insights.eligibleUsers)} eligible users` : undefined}
      definition={definition}
      status={status}
      error={error}
      onRetry={onRetry}
      emptyTitle="No behaviors to compare"
      emptyMessage={emptyMessage}
      height={240}
      chart={
        insights && (
          <div className="space-y-6">
            <RankedBehaviorsTable direction="raises" outcome={outcome} behaviors={insights.raises} />
            <RankedBehaviorsTable direction="lowers" outcome={outcome} behaviors={insights.lowers} />
          </div>
        )
      }
      table={insights && <BehaviorSentences insights={insights} />}
    />
  );
}

/** Every behavior's sentence with its raw counts: the same numbers in words, for reading aloud or pasting into a report. */
function BehaviorSentences({ insights }: { insights: Insights }) {
  const all = [...insights.raises, ...insights.lowers];
  return (
    <ol className="list-decimal space-y-1.5 pl-6 text-sm text-slate-700" data-testid="behavior-sentences">
      {all.map((behavior) => (
        <li key={behavior.id} className={behavior.smallSample ? "text-slate-400" : undefined}>
          {behavior.sentence}{" "}
          <span className="text-xs text-slate-500">
            ({countText(behavior.outcomesWith)} of {countText(behavior.usersWith)} vs {countText(behavior.outcomesWithout)} of{" "}
            {countText(behavior.usersWithout)}; phi {behavior.phi === null ? "–" : behavior.phi.toFixed(3)})
          </span>
        </li>
      ))}
    </ol>
  );
}
