"use client";

import { ChartCard, type ChartStatus } from "@/components/charts/chart-card";
import { IndustryThresholdNote } from "@/components/definitions/industry-threshold-note";
import type { StickinessResult } from "@/lib/stickiness/stickiness.types";
import { formatPercentOrDash } from "./activity-labels";
import { StickinessChart } from "./stickiness-chart";
import { StickinessTable } from "./stickiness-table";

interface StickinessCardProps {
  result: StickinessResult | undefined;
  error: unknown;
  onRetry: () => void;
}

/** DAU / WAU / MAU and DAU/MAU in their card. */
export function StickinessCard({ result, error, onRetry }: StickinessCardProps) {
  const status: ChartStatus = error ? "error" : !result ? "loading" : result.daily.length === 0 ? "empty" : "ready";
  const latest = result?.daily.at(-1);
  return (
    <ChartCard
      testId="stickiness-card"
      title="Stickiness: DAU, WAU, MAU"
      description={latest ? `Latest day ${latest.day}: DAU/MAU ${formatPercentOrDash(latest.dauMauPercent)}` : "Daily, weekly and monthly active users"}
      definition={
        <span className="block space-y-1">
          <span className="block">{result?.definition ?? "Active users per day and trailing 7 and 30 days."}</span>
          <span className="block">
            Dotted line: <IndustryThresholdNote id="dau-mau-daily-product" showCaveat />
          </span>
        </span>
      }
      status={status}
      error={error}
      onRetry={onRetry}
      emptyTitle="No active users in this period"
      emptyMessage={<p>No one was active in the {result?.days ?? ""} days up to the as-of day (or in the 30 days before them), so there is no DAU, WAU or MAU to draw.</p>}
      chart={result && <StickinessChart result={result} />}
      table={result && <StickinessTable result={result} />}
      footer={
        result && (
          <p>
            Data as of {result.asOfDay} ({result.timezone}).
          </p>
        )
      }
    />
  );
}
