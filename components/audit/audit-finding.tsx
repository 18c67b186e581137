import type { Finding } from "@/lib/audit/audit.types";
import { formatNumber } from "@/lib/definitions/plain-numbers";
import { SeverityBadge } from "./severity-badge";

/** "eventsWithoutRevenue" → "events without revenue": the API's count names, readable. */
function countLabel(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** One tracking problem: severity, title, the counts and examples that prove it, the fix, and what it blocks. */
export function AuditFinding({ finding }: { finding: Finding }) {
  const counts = Object.entries(finding.evidence.counts);
  return (
    <li data-testid="audit-finding" data-id={finding.id} data-severity={finding.severity} className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <h3 className="text-sm font-semibold text-slate-900">{finding.title}</h3>
      </div>
      {counts.length > 0 && (
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {counts.map(([name, value]) => (
            <div key={name} className="flex gap-1.5" data-testid="evidence-count" data-name={name} data-value={value}>
              <dt className="text-slate-500">{countLabel(name)}</dt>
              <dd className="font-medium text-slate-800 tabular-nums">{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {finding.evidence.examples.length > 0 && (
        <div className="mt-2 flex flex-wrap items-baseline gap-1.5 text-sm">
          <span className="text-slate-500">Examples:</span>
          <ul className="flex flex-wrap gap-1.5" data-testid="evidence-examples">
            {finding.evidence.examples.map((example) => (
              <li key={example} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-700">
                {example}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="mt-3 text-sm text-slate-800" data-testid="finding-fix">
        <span className="font-semibold">Fix:</span> {finding.fix}
      </p>
      <p className="mt-1 text-sm text-slate-600" data-testid="finding-blocks">
        <span className="font-semibold">Blocks:</span> {finding.blocks.join(", ")}
      </p>
    </li>
  );
}
