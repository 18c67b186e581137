"use client";

import { useId, useState, type ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { InfoTip } from "./info-tip";

export type ChartStatus = "loading" | "error" | "empty" | "ready";

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** The chart's exact definition: in the (i) tooltip, and printed under the chart. */
  definition: ReactNode;
  status: ChartStatus;
  error?: unknown;
  onRetry?: () => void;
  emptyTitle?: string;
  /** Why there is nothing to draw, and what would change that. */
  emptyMessage?: ReactNode;
  chart: ReactNode;
  /** The same numbers as a table ("View as table"). */
  table: ReactNode;
  /** Controls or downloads in the header. */
  actions?: ReactNode;
  /** Footnote under the chart (as-of, definition version, sample sizes). */
  footer?: ReactNode;
  testId?: string;
  /** Height of the chart area while loading, to keep the page from jumping. */
  height?: number;
}

const SKELETON_BARS = [40, 70, 55, 85, 60, 75, 45, 65];

function errorMessage(error: unknown): { message: string; errorId?: string } {
  if (error instanceof ApiRequestError) return { message: error.message, errorId: error.errorId };
  return { message: error instanceof Error ? error.message : "The request failed." };
}

/**
 * The frame every chart sits in: title, definition tooltip, chart/table
 * toggle, and designed loading, empty and error states.
 */
export function ChartCard(props: ChartCardProps) {
  const { title, description, definition, status, chart, table, actions, footer, testId, height = 320 } = props;
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();

  let body: ReactNode;
  if (status === "loading") {
    body = (
      <div role="status" aria-label={`Loading ${title}`} className="space-y-3">
        <Skeleton className="h-4 w-48" />
        <div style={{ height }} className="flex items-end gap-2">
          {SKELETON_BARS.map((percent, index) => (
            <div key={index} className="flex flex-1 items-end" style={{ height: `${percent}%` }}>
              <Skeleton className="h-full w-full" />
            </div>
          ))}
        </div>
      </div>
    );
  } else if (status === "error") {
    const { message, errorId } = errorMessage(props.error);
    body = <ErrorState title={`${title} could not be computed`} message={message} errorId={errorId} onRetry={props.onRetry} />;
  } else if (status === "empty") {
    body = <EmptyState title={props.emptyTitle ?? "Nothing to show yet"}>{props.emptyMessage}</EmptyState>;
  } else {
    body = asTable ? <div className="max-h-[32rem] overflow-auto">{table}</div> : <div style={{ minHeight: height }}>{chart}</div>;
  }

  return (
    <section aria-labelledby={titleId} data-testid={testId} data-status={status} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
        <div className="min-w-0">
          <div className="flex items-center gap-1.5">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
            <InfoTip label={`How "${title}" is computed`}>{definition}</InfoTip>
          </div>
          {description && <p className="mt-0.5 text-sm text-slate-500">{description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {actions}
          <Switch label="View as table" checked={asTable} onChange={setAsTable} />
        </div>
      </header>
      <div className="px-5 py-4">{body}</div>
      {status === "ready" && (
        <footer className="space-y-1 border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
          <div>{definition}</div>
          {footer && <div>{footer}</div>}
        </footer>
      )}
    </section>
  );
}
