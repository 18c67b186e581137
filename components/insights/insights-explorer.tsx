"use client";

import { AhaThresholdCard } from "./aha-threshold-card";
import { countText } from "./insight-labels";
import { BehaviorsCard } from "./behaviors-card";
import { InsightsControls } from "./insights-controls";
import { InsightsSummary } from "./insights-summary";
import { useInsights } from "./use-insights";
import { useInsightsUrlState } from "./use-insights-url-state";

/** The Insights page body: controls in the URL, the summary sentences, the ranked behaviors and the aha curve. */
export function InsightsExplorer({ datasetName }: { datasetName: string }) {
  const [state, update] = useInsightsUrlState();
  const result = useInsights(datasetName, { outcome: state.outcome, days: state.days, window: state.window });
  const insights = result.data;
  const status = result.isError ? "error" : !insights ? "loading" : insights.eligibleUsers === 0 ? "empty" : "ready";
  const emptyMessage = !insights ? null : insights.asOf === null ? (
    <p>Features have not been computed for this dataset yet. Load data (features are computed after every load) and come back.</p>
  ) : (
    <p>
      No user was first seen at least {insights.outcomeWindowDays} days before the data&apos;s as-of day ({insights.asOfDay}), so no outcome is known yet (
      {countText(insights.tooRecentUsers)} users are too recent). Choose a shorter outcome window or load a longer history.
    </p>
  );
  const definition = <p>{insights?.definition ?? "Early behaviors compared by the outcome rate of users with and without them. Correlation, not causation."}</p>;
  const retry = () => void result.refetch();

  return (
    <div className="space-y-6">
      <InsightsControls state={state} onChange={update} />
      {status === "ready" && insights && <InsightsSummary insights={insights} />}
      <BehaviorsCard insights={insights} status={status} error={result.error} onRetry={retry} emptyMessage={emptyMessage} definition={definition} />
      <AhaThresholdCard
        insights={insights}
        status={status}
        error={result.error}
        onRetry={retry}
        emptyMessage={emptyMessage}
        selected={state.aha}
        onSelect={(aha) => update({ aha })}
      />
    </div>
  );
}
