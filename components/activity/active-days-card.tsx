"use client";

import { ChartCard, type ChartStatus } from "@/components/charts/chart-card";
import { addDays } from "@/lib/retention/retention-math";
import type { StickinessResult } from "@/lib/stickiness/stickiness.types";
import { formatUsers } from "./activity-labels";
import { ActiveDaysChart } from "./active-days-chart";
import { ActiveDaysTable } from "./active-days-table";

interface ActiveDaysCardProps {
  result: StickinessResult | undefined;
  error: unknown;
  onRetry: () => void;
}

/** How many days a week weekly-active users come back, over the last full weeks. */
export function ActiveDaysCard({ result, error, onRetry }: ActiveDaysCardProps) {
  const distribution = result?.activeDaysPerWeek;
  const status: ChartStatus = error ? "error" : !distribution ? "loading" : distribution.weeklyActiveUserWeeks === 0 ? "empty" : "ready";
  const weeks = distribution?.weeks ?? [];
  return (
    <ChartCard
      testId="active-days-card"
      title="Active days per week"
      description={
        distribution && weeks.length > 0
          ? `${weeks.length} full week${weeks.length === 1 ? "" : "s"} (${weeks[0]!.start} – ${addDays(weeks.at(-1)!.start, 6)}), ${formatUsers(distribution.weeklyActiveUserWeeks)} weekly-active user-weeks`
          : "Weekly-active users by number of active days"
      }
      definition={
        <span>
          For each full ISO week (Monday–Sunday, in the dataset timezone) of the last {result?.weeks ?? 12}: every user active that week counts once, in the bucket of
          how many of its 7 days they were active. Buckets are summed over the weeks and shown as % of weekly-active user-weeks. The week still under way is left out.
        </span>
      }
      status={status}
      error={error}
      onRetry={onRetry}
      height={280}
      emptyTitle="No full week with activity yet"
      emptyMessage={<p>No one was active in the last {result?.weeks ?? 12} full weeks (Monday–Sunday) before the as-of day; a week under way is not counted until it ends.</p>}
      chart={distribution && <ActiveDaysChart buckets={distribution.buckets} />}
      table={distribution && <ActiveDaysTable distribution={distribution} />}
    />
  );
}
