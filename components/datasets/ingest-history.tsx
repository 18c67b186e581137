"use client";

import Link from "next/link";
import { formatDateTime, formatDuration } from "@/components/format/dates";
import { formatBytes, formatCount } from "@/components/format/numbers";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { useIngestJobs } from "./use-ingest-jobs";

const NUMERIC_HEADERS = ["Total rows", "Accepted", "Rejected", "Duplicates"];

/** Every load into the dataset, newest first, with its accounting and a link to its rejects. */
export function IngestHistory({ datasetName }: { datasetName: string }) {
  const jobs = useIngestJobs(datasetName);

  if (jobs.isError) {
    return (
      <ErrorState
        title="Ingest history could not be loaded"
        message={jobs.error.message}
        errorId={jobs.error instanceof ApiRequestError ? jobs.error.errorId : undefined}
        onRetry={() => void jobs.refetch()}
      />
    );
  }
  if (!jobs.data) {
    return (
      <div role="status" aria-label="Loading ingest history" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-5 w-full" />
        ))}
      </div>
    );
  }
  if (jobs.data.jobs.length === 0) {
    return (
      <EmptyState
        title="Nothing has been loaded into this dataset yet"
        action={
          <Link href={`/upload?dataset=${encodeURIComponent(datasetName)}`} className={buttonClasses("primary")}>
            Upload events
          </Link>
        }
      >
        <p>
          Every upload or <code className="font-mono">npx strata ingest</code> run appears here with its counts and rejected rows.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">Every row read is accepted, rejected (with line and reason) or a duplicate: total = accepted + rejected + duplicates. Times in UTC.</p>
      <Table caption={`Ingest history of ${datasetName}, newest first`}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={thClass}>
              File
            </th>
            <th scope="col" className={thClass}>
              Format
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            {NUMERIC_HEADERS.map((header) => (
              <th key={header} scope="col" className={thNumericClass}>
                {header}
              </th>
            ))}
            <th scope="col" className={thClass}>
              Started
            </th>
            <th scope="col" className={thNumericClass}>
              Duration
            </th>
            <th scope="col" className={thClass}>
              Rejects
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.data.jobs.map((job) => (
            <tr key={job.id} data-testid="ingest-job-row" className="align-top hover:bg-slate-50">
              <th scope="row" className={`${tdClass} font-medium text-slate-900`}>
                <span className="block max-w-72 truncate" title={job.fileName}>
                  {job.fileName}
                </span>
                <span className="block text-xs font-normal text-slate-500">
                  Job {job.id}
                  {job.bytesTotal > 0 ? ` · ${formatBytes(job.bytesTotal)}` : ""}
                </span>
                {job.error && (
                  <span className="mt-1 block max-w-72 text-xs font-normal whitespace-normal text-red-700" title={job.error}>
                    {job.error}
                  </span>
                )}
              </th>
              <td className={tdClass}>{job.format}</td>
              <td className={tdClass}>
                <StatusBadge status={job.status} />
              </td>
              <td className={tdNumericClass}>{formatCount(job.total)}</td>
              <td className={tdNumericClass}>{formatCount(job.accepted)}</td>
              <td className={`${tdNumericClass} ${job.rejected > 0 ? "font-medium text-red-700" : ""}`}>{formatCount(job.rejected)}</td>
              <td className={`${tdNumericClass} ${job.duplicates > 0 ? "text-amber-700" : ""}`}>{formatCount(job.duplicates)}</td>
              <td className={tdClass}>
                <time dateTime={job.startedAt}>{formatDateTime(job.startedAt)}</time>
              </td>
              <td className={tdNumericClass}>{job.durationMs === null ? <span className="text-slate-400">running…</span> : formatDuration(job.durationMs)}</td>
              <td className={tdClass}>
                {job.rejected > 0 ? (
                  <a href={`/api/jobs/${job.id}/rejects.csv`} download className="text-indigo-700 hover:text-indigo-900 hover:underline">
                    Download CSV<span className="sr-only"> of {formatCount(job.rejected)} rejected rows from {job.fileName}</span>
                  </a>
                ) : (
                  <span className="text-slate-400">None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
