"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { formatCount } from "@/components/format/numbers";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { SortableHeader } from "@/components/ui/sortable-header";
import { Table, tdClass, tdNumericClass } from "@/components/ui/table";
import type { UserListQuery } from "@/lib/datasets/list-dataset-users.types";
import { ApiRequestError } from "@/lib/http/fetch-api";
import { USER_COLUMNS, type UserColumn } from "./user-columns";
import { useDatasetUsers } from "./use-dataset-users";
import { useUsersUrlState } from "./use-users-url-state";

const PAGE_SIZES = [25, 50, 100, 200];

/** A dataset's users with their behavior features: sortable by any column, paged, searchable by id prefix. */
export function UsersTable({ datasetName, timeZone }: { datasetName: string; timeZone: string }) {
  const [params, setParams] = useUsersUrlState();
  const users = useDatasetUsers(datasetName, params);
  const page = users.data;

  return (
    <div className="space-y-3">
      {(page === undefined || page.total > 0 || params.q) && (
        <UsersToolbar params={params} setParams={setParams} timeZone={timeZone} fetching={users.isFetching && !users.isPending} />
      )}
      {users.isError ? (
        <ErrorState
          title="Users could not be loaded"
          message={users.error.message}
          errorId={users.error instanceof ApiRequestError ? users.error.errorId : undefined}
          onRetry={() => void users.refetch()}
        />
      ) : !page ? (
        <UsersSkeleton />
      ) : page.total === 0 ? (
        params.q ? (
          <EmptyState title={`No user ID starts with “${params.q}”`} action={<Button variant="secondary" onClick={() => setParams({ q: undefined, page: 1 })}>Clear search</Button>}>
            <p>User IDs are matched from their first character, exactly as written (case matters).</p>
          </EmptyState>
        ) : (
          <EmptyState
            title="No users in this dataset yet"
            action={
              <Link href={`/upload?dataset=${encodeURIComponent(datasetName)}`} className={buttonClasses("primary")}>
                Upload events
              </Link>
            }
          >
            <p>Users appear here once events have been loaded into the dataset.</p>
          </EmptyState>
        )
      ) : page.rows.length === 0 ? (
        <EmptyState
          title={`Page ${formatCount(page.page)} is past the end`}
          action={<Button variant="secondary" onClick={() => setParams({ page: page.pageCount })}>Go to page {formatCount(page.pageCount)}</Button>}
        >
          <p>
            There are {formatCount(page.total)} matching users, {formatCount(page.pageCount)} pages of {formatCount(page.pageSize)}.
          </p>
        </EmptyState>
      ) : (
        <>
          <Table caption={`Users of ${datasetName}, sorted by ${columnLabel(params.sort)} ${params.dir === "asc" ? "ascending" : "descending"}`} busy={users.isPlaceholderData} dense>
            <thead className="bg-slate-50">
              <tr>
                {USER_COLUMNS.map((column) => (
                  <SortableHeader
                    key={column.key}
                    label={column.label}
                    description={`${column.description}.`}
                    sortKey={column.key}
                    numeric={column.numeric}
                    firstDir={column.firstDir}
                    current={params}
                    onSort={(sort, dir) => setParams({ sort, dir, page: 1 })}
                  />
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((row) => (
                <tr key={row.userId} className="hover:bg-slate-50">
                  {USER_COLUMNS.map((column) =>
                    column.key === "userId" ? (
                      <th key={column.key} scope="row" className={`${tdClass} max-w-56 truncate font-medium text-slate-900`} title={row.userId}>
                        {row.userId}
                      </th>
                    ) : (
                      <td key={column.key} className={column.numeric ? tdNumericClass : tdClass}>
                        {column.render(row, timeZone)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination total={page.total} page={page.page} pageSize={page.pageSize} pageCount={page.pageCount} onPage={(next) => setParams({ page: next })} />
        </>
      )}
    </div>
  );
}

function columnLabel(key: string): string {
  return USER_COLUMNS.find((column) => column.key === key)?.label ?? key;
}

function UsersToolbar({
  params,
  setParams,
  timeZone,
  fetching,
}: {
  params: UserListQuery;
  setParams: (change: Partial<UserListQuery>, mode?: "push" | "replace") => void;
  timeZone: string;
  fetching: boolean;
}) {
  const searchId = useId();
  const sizeId = useId();
  const [draft, setDraft] = useState(params.q ?? "");
  // Follow the URL when it changes from outside (back button, "Clear search").
  useEffect(() => setDraft(params.q ?? ""), [params.q]);
  useEffect(() => {
    if ((draft.trim() || undefined) === params.q) return;
    const timer = setTimeout(() => setParams({ q: draft.trim() || undefined, page: 1 }, "replace"), 300);
    return () => clearTimeout(timer);
  }, [draft, params.q, setParams]);

  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={searchId} className="block text-xs font-medium text-slate-600">
            Find users by ID
          </label>
          <input
            id={searchId}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="ID starts with…"
            className="mt-1 w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
          />
        </div>
        <div>
          <label htmlFor={sizeId} className="block text-xs font-medium text-slate-600">
            Rows per page
          </label>
          <select
            id={sizeId}
            value={params.pageSize}
            onChange={(event) => setParams({ pageSize: Number(event.target.value), page: 1 })}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <span aria-live="polite" className="pb-2 text-xs text-slate-500">
          {fetching ? "Updating…" : ""}
        </span>
      </div>
      <p className="pb-1.5 text-xs text-slate-500">Dates in {timeZone}. Hover a header for its definition.</p>
    </div>
  );
}

function Pagination({ total, page, pageSize, pageCount, onPage }: { total: number; page: number; pageSize: number; pageCount: number; onPage: (page: number) => void }) {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Users pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p data-testid="users-range">
        Showing <span className="font-medium text-slate-900 tabular-nums">{formatCount(first)}–{formatCount(last)}</span> of{" "}
        <span className="font-medium text-slate-900 tabular-nums" data-testid="users-total">
          {formatCount(total)}
        </span>{" "}
        {total === 1 ? "user" : "users"}
      </p>
      <div className="flex items-center gap-2">
        <span className="tabular-nums">
          Page {formatCount(page)} of {formatCount(pageCount)}
        </span>
        <Button variant="secondary" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          Previous
        </Button>
        <Button variant="secondary" onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
          Next
        </Button>
      </div>
    </nav>
  );
}

function UsersSkeleton() {
  return (
    <div role="status" aria-label="Loading users" className="rounded-lg border border-slate-200 bg-white p-4">
      <Skeleton className="h-5 w-full" />
      <div className="mt-4 space-y-3">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-4 w-full" />
        ))}
      </div>
    </div>
  );
}
