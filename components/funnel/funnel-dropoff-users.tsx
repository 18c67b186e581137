"use client";

import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, tdClass, thClass } from "@/components/ui/table";
import type { FunnelQuery } from "@/lib/funnel/funnel.types";
import { formatUsers } from "./funnel-labels";
import { dropOffApiUrl, useDropOffUsers } from "./use-funnel";

const formatInstant = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

interface DropOffUsersProps {
  datasetName: string;
  timezone: string;
  query: FunnelQuery;
  dropOff: { after: number; series: string };
  onClose: () => void;
}

/** The users of one drop-off, page by page, with all of them as a CSV download. */
export function FunnelDropOffUsers({ datasetName, timezone, query, dropOff, onClose }: DropOffUsersProps) {
  const [page, setPage] = useState(1);
  const users = useDropOffUsers(datasetName, query, dropOff, page);
  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="space-y-3 rounded-lg border border-rose-200 bg-white p-5 shadow-sm" aria-labelledby="dropoff-users-title" data-testid="dropoff-users">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="dropoff-users-title" className="text-base font-semibold text-slate-900" data-testid="dropoff-users-title">
            {data
              ? `${formatUsers(data.total)} ${data.total === 1 ? "user" : "users"} did “${data.afterLabel}” but not “${data.nextLabel}”`
              : `Users who stopped after step ${dropOff.after}`}
          </h2>
          <p className="text-sm text-slate-500">
            Series: {dropOff.series} · times in {timezone}, on the attempt that got furthest
          </p>
        </div>
        <div className="flex gap-2">
          <a className={buttonClasses("secondary")} href={dropOffApiUrl(datasetName, query, { ...dropOff, format: "csv" })} download data-testid="dropoff-csv">
            Download CSV
          </a>
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      </header>
      {users.isError ? (
        <ErrorState title="The users could not be listed" message={users.error.message} onRetry={() => void users.refetch()} />
      ) : !data ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading users">
          {Array.from({ length: 4 }, (_, row) => (
            <Skeleton key={row} className="h-7 w-full" />
          ))}
        </div>
      ) : (
        <>
          <Table caption="Users who dropped off" dense busy={users.isFetching}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={thClass}>User</th>
                <th scope="col" className={thClass}>Step 1 at</th>
                <th scope="col" className={thClass}>Last step reached at</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((user) => (
                <tr key={user.userId} data-testid="dropoff-user">
                  <td className={`${tdClass} font-mono`}>{user.userId}</td>
                  <td className={tdClass}>{formatInstant(user.startedAt, timezone)}</td>
                  <td className={tdClass}>{formatInstant(user.lastStepAt, timezone)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {pages > 1 && (
            <nav className="flex items-center gap-3 text-sm text-slate-600" aria-label="Pages of users">
              <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              Page {page} of {pages}
              <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
