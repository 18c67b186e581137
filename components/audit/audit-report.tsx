"use client";

import { InfoTip } from "@/components/charts/info-tip";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { Severity } from "@/lib/audit/audit.types";
import { formatNumber } from "@/lib/definitions/plain-numbers";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { AuditFinding } from "./audit-finding";
import { useAudit } from "./use-audit";

const SEVERITIES: Severity[] = ["high", "medium", "low"];

/** The tracking-plan audit: findings in the API's order (high first), or a clean bill of health; loading and error states. */
export function AuditReport({ datasetName }: { datasetName: string }) {
  const result = useAudit(datasetName);
  if (result.isError) {
    const error = result.error;
    return (
      <ErrorState
        title="The audit could not be run"
        message={error instanceof Error ? error.message : "The request failed."}
        errorId={error instanceof ApiRequestError ? error.errorId : undefined}
        onRetry={() => void result.refetch()}
      />
    );
  }
  const audit = result.data;
  if (!audit) {
    return (
      <div role="status" aria-label="Loading the audit" className="space-y-3">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-28 w-full" />
        ))}
      </div>
    );
  }
  const bySeverity = SEVERITIES.map((severity) => [severity, audit.findings.filter((finding) => finding.severity === severity).length] as const);
  return (
    <section aria-labelledby="audit-title" className="space-y-4" data-testid="audit-report">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <div className="flex items-center gap-1.5">
          <h2 id="audit-title" className="text-base font-semibold text-slate-900">
            Tracking-plan audit
          </h2>
          <InfoTip label="How the audit works">{audit.definition}</InfoTip>
        </div>
        <p className="text-sm text-slate-500" data-testid="audit-summary">
          {formatNumber(audit.events)} events from {formatNumber(audit.users)} users checked ({audit.timezone}) ·{" "}
          {bySeverity.map(([severity, count]) => `${count} ${severity}`).join(" · ")}
        </p>
      </div>
      {audit.findings.length === 0 ? (
        <EmptyState title="No tracking problems found">
          Every check passed: user ids present, revenue on purchases, signup and activation events configured, consistent event names, sane timestamps and cardinality.
        </EmptyState>
      ) : (
        <ol className="space-y-3">
          {audit.findings.map((finding) => (
            <AuditFinding key={finding.id} finding={finding} />
          ))}
        </ol>
      )}
      <p className="text-xs text-slate-500">{audit.definition}</p>
    </section>
  );
}
