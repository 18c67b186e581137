"use client";

import { ChartCard, type ChartStatus } from "@/components/charts/chart-card";
import type { LifecycleResult } from "@/lib/lifecycle/lifecycle.types";
import { LifecycleChart } from "./lifecycle-chart";
import { LifecycleTable } from "./lifecycle-table";

interface LifecycleCardProps {
  result: LifecycleResult | undefined;
  error: unknown;
  onRetry: () => void;
}

/** Lifecycle chart in its card: definitions in the info tooltip, table view, and states. */
export function LifecycleCard({ result, error, onRetry }: LifecycleCardProps) {
  const status: ChartStatus = error ? "error" : !result ? "loading" : result.intervals.length === 0 ? "empty" : "ready";
  const activity = result?.activityEvent ? `"${result.activityEvent}" events` : "events";
  return (
    <ChartCard
      testId="lifecycle-card"
      title="Lifecycle"
      description={result ? `New, returning, resurrecting and dormant users per ${result.interval}` : "New, returning, resurrecting and dormant users"}
      definition={<span data-testid="lifecycle-definition">{result?.definition ?? "PostHog's lifecycle definitions."}</span>}
      status={status}
      error={error}
      onRetry={onRetry}
      emptyTitle="No lifecycle to show yet"
      emptyMessage={<p>This dataset has no {activity} before its as-of time, so no one has been active in any {result?.interval ?? "interval"}. Load events or choose another activity.</p>}
      chart={result && <LifecycleChart result={result} />}
      table={result && <LifecycleTable result={result} />}
      footer={result && `Data as of ${result.asOfDay} (${result.timezone}); * = ${result.interval} still under way.`}
    />
  );
}
