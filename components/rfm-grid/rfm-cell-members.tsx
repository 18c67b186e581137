"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { rfmCellUrl, useRfmCellMembers } from "./use-rfm-grid";

/** The users of the selected cell, highest monetary first, paged, with a CSV download of all of them. */
export function RfmCellMembers({ datasetName, definitionName, cell }: { datasetName: string; definitionName: string | null; cell: { r: number; f: number } }) {
  const [pageState, setPageState] = useState({ key: "", page: 1 });
  const key = `${definitionName}|${cell.r}|${cell.f}`;
  const page = pageState.key === key ? pageState.page : 1; // a new cell starts on page 1
  const members = useRfmCellMembers(datasetName, definitionName, cell, page);
  const data = members.data;

  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-label="Users of the selected cell" data-testid="rfm-members">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-slate-900">
          Users in R{cell.r} F{cell.f}
          {data ? ` · ${data.segment} · ${data.total.toLocaleString("en-US")} users` : ""}
        </h2>
        <a
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          href={rfmCellUrl(datasetName, definitionName, cell, { format: "csv" })}
          download
        >
          Download CSV
        </a>
      </div>
      {members.isError ? (
        <ErrorState
          title="The users could not be listed"
          message={members.error.message}
          errorId={members.error instanceof ApiRequestError ? members.error.errorId : undefined}
          onRetry={() => void members.refetch()}
        />
      ) : !data ? (
        <Skeleton className="h-24 w-full" />
      ) : data.total === 0 ? (
        <p className="text-sm text-slate-600">No user has this recency and frequency score.</p>
      ) : (
        <>
          <Table caption={`Users with recency score ${cell.r} and frequency score ${cell.f}`} dense>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={thClass}>
                  User
                </th>
                <th scope="col" className={thNumericClass}>
                  Recency (days)
                </th>
                <th scope="col" className={thNumericClass}>
                  Frequency
                </th>
                <th scope="col" className={thNumericClass}>
                  Monetary
                </th>
                <th scope="col" className={thNumericClass}>
                  R / F / M
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.userId} data-testid="rfm-member">
                  <td className={tdClass}>{row.userId}</td>
                  <td className={tdNumericClass}>{row.recencyDays ?? "—"}</td>
                  <td className={tdNumericClass}>{row.frequency ?? "—"}</td>
                  <td className={tdNumericClass}>{row.monetary === null ? "—" : row.monetary.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</td>
                  <td className={tdNumericClass}>
                    {row.recencyScore} / {row.frequencyScore} / {row.monetaryScore}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          {data.pageCount > 1 && (
            <div className="flex items-center gap-3 text-sm text-slate-600">
              <Button type="button" variant="secondary" disabled={page <= 1} onClick={() => setPageState({ key, page: page - 1 })}>
                Previous
              </Button>
              Page {data.page} of {data.pageCount}
              <Button type="button" variant="secondary" disabled={page >= data.pageCount} onClick={() => setPageState({ key, page: page + 1 })}>
                Next
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
