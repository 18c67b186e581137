import Link from "next/link";
import { datasetPath } from "@/components/datasets/dataset-path";
import { formatDuration } from "@/components/format/dates";
import { formatBytes, formatCount } from "@/components/format/numbers";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { IngestReportLine } from "@/lib/datasets/ingest-upload.types";

function Figure({ label, value, tone, testId }: { label: string; value: number; tone: string; testId: string }) {
  return (
    <div className={`rounded-md px-4 py-3 ${tone}`}>
      <dt className="text-xs font-medium tracking-wide uppercase opacity-80">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {formatCount(value)}
      </dd>
    </div>
  );
}

function Operator({ symbol }: { symbol: string }) {
  return (
    <div aria-hidden="true" className="flex items-center justify-center text-xl font-light text-slate-400">
      {symbol}
    </div>
  );
}

/** What an ingest did with every row: total = accepted + rejected + duplicates, the rejects, and where to go next. */
export function IngestReportCard({ report, onUploadAnother }: { report: IngestReportLine; onUploadAnother: () => void }) {
  const rejectsHref = `/api/jobs/${report.jobId}/rejects.csv`;
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          Loaded {report.fileName} into {report.datasetName} <StatusBadge status={report.status} />
        </span>
      }
      description={`${report.format.toUpperCase()} · ${formatBytes(report.bytesRead)} · ${formatDuration(report.durationMs)} · job ${report.jobId}`}
      actions={
        <>
          <Button variant="secondary" onClick={onUploadAnother}>
            Upload another file
          </Button>
          <Link href={datasetPath(report.datasetName)} className={buttonClasses("primary")}>
            Open dataset
          </Link>
        </>
      }
    >
      <div className="space-y-5">
        <dl aria-label="Row accounting" className="grid grid-cols-[1fr_auto_1fr_auto_1fr_auto_1fr] gap-2">
          <Figure label="Rows read" value={report.total} tone="bg-slate-100 text-slate-900" testId="report-total" />
          <Operator symbol="=" />
          <Figure label="Accepted" value={report.accepted} tone="bg-emerald-50 text-emerald-900" testId="report-accepted" />
          <Operator symbol="+" />
          <Figure label="Rejected" value={report.rejected} tone="bg-red-50 text-red-900" testId="report-rejected" />
          <Operator symbol="+" />
          <Figure label="Duplicates" value={report.duplicates} tone="bg-amber-50 text-amber-900" testId="report-duplicates" />
        </dl>
        <p className="text-xs text-slate-500">
          Duplicates repeat an event already stored (same insert id, or the same row loaded before) and were skipped, not counted twice.
        </p>

        {report.resumed && (
          <Notice title="Resumed an interrupted load">This file had been partly loaded before; Strata continued after the last saved row. The counts cover the whole file.</Notice>
        )}
        {report.featureRefreshError ? (
          <Notice tone="warning" title="The events are loaded, but behavior features could not be recomputed">
            {report.featureRefreshError} Run <code className="font-mono">npx strata refresh --dataset {report.datasetName}</code> to try again.
          </Notice>
        ) : report.featureRefresh ? (
          <p className="text-sm text-slate-600">
            Behavior features recomputed for {formatCount(report.featureRefresh.users)} users in {formatDuration(report.featureRefresh.durationMs)}.
          </p>
        ) : null}

        {report.rejected > 0 && (
          <section aria-labelledby="reject-sample-title" className="space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id="reject-sample-title" className="text-sm font-semibold text-slate-900">
                Rejected rows
                <span className="ml-2 font-normal text-slate-500">
                  {report.rejectSample.length < report.rejected
                    ? `first ${formatCount(report.rejectSample.length)} of ${formatCount(report.rejected)}`
                    : `all ${formatCount(report.rejected)}`}
                </span>
              </h3>
              <a href={rejectsHref} download className="text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
                Download all rejects (CSV)
              </a>
            </div>
            <Table caption="Rejected rows: line, field, value and reason">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={thNumericClass}>
                    Line
                  </th>
                  <th scope="col" className={thClass}>
                    Field
                  </th>
                  <th scope="col" className={thClass}>
                    Value
                  </th>
                  <th scope="col" className={thClass}>
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rejectSample.map((reject) => (
                  <tr key={reject.line} data-testid="reject-row">
                    <td className={tdNumericClass}>{formatCount(reject.line)}</td>
                    <td className={`${tdClass} font-mono text-xs`}>{reject.field}</td>
                    <td className={`${tdClass} max-w-48 truncate font-mono text-xs`} title={reject.value}>
                      {reject.value === "" ? <span className="text-slate-400 italic">empty</span> : reject.value}
                    </td>
                    <td className={`${tdClass} whitespace-normal`}>{reject.reason}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        )}
      </div>
    </Card>
  );
}
