"use client";

import { formatAmount, formatCount, formatDecimal } from "@/components/format/numbers";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { SortableHeader } from "@/components/ui/sortable-header";
import { Table, tdClass, tdNumericClass } from "@/components/ui/table";
import { FEATURES, type FeatureName } from "@/lib/definitions/features";
import { ApiRequestError } from "@/lib/http/fetch-api";
import type { SegmentMembersResponse } from "@/lib/segments/segment-members.types";
import type { DimensionName } from "@/lib/definitions/dimension-filters";
import { MEMBER_PAGE_SIZES, type MemberListState } from "./explorer-url-state";
import { DIMENSION_LABELS } from "./segment-filters";
import { SegmentSwatch } from "./segment-swatch";
import { useSegmentMembers } from "./use-segment-members";

type MemberColumn = SegmentMembersResponse["columns"][number];


const missing = (
  <span className="text-slate-300">
    <span aria-hidden="true">—</span>
    <span className="sr-only">no value</span>
  </span>
);

function formatValue(column: MemberColumn, value: number | null) {
  if (value === null) return missing;
  if (column.kind === "feature" && column.key in FEATURES) {
    const info = FEATURES[column.key as FeatureName];
    if (info.phrase.style === "flag") return value >= 0.5 ? "Yes" : "No";
    if (column.key === "monetary") return formatAmount(value);
    if (!info.integer) return formatDecimal(value, Math.abs(value) < 10 ? 2 : 1);
    return formatCount(value);
  }
  return Number.isInteger(value) ? formatCount(value) : formatDecimal(value, 2);
}

/**
 * The users of one segment, a page at a time, with the scores and features
 * that put each of them there (the server chooses the columns per model) and
 * their dimensions. Sorting and paging live in the URL; the export link
 * downloads every member as CSV under the same definition, filters and as-of.
 */
export function SegmentMembers({
  datasetName,
  segment,
  color,
  query,
  exportHref,
  definitionLabel,
  dimensions,
  listState,
  onListChange,
  onClose,
}: {
  /** Dimensions with a value for someone in the dataset; the others would be empty columns. */
  dimensions: readonly DimensionName[];
  datasetName: string;
  segment: string;
  /** The segment's colour in the table above. */
  color: string;
  /** The member-list query string; null while the definition is not ready. */
  query: string | null;
  exportHref: string | null;
  definitionLabel: string;
  listState: MemberListState;
  onListChange: (change: Partial<MemberListState>) => void;
  onClose: () => void;
}) {
  const members = useSegmentMembers(datasetName, query);
  const page = members.data;
  const current = page ? { sort: page.sort, dir: page.dir } : listState.sort ? { sort: listState.sort, dir: listState.dir ?? "desc" } : null;
  const onSort = (sort: string, dir: "asc" | "desc") => onListChange({ sort, dir, page: 1 });

  return (
    <section aria-labelledby="segment-members-title" data-testid="segment-members" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
        <div className="min-w-0">
          <h2 id="segment-members-title" className="flex items-center gap-2 text-base font-semibold text-slate-900">
            <SegmentSwatch color={color} className="h-3 w-3" />
            {segment}
            {page && (
              <span className="font-normal text-slate-500">
                · <span data-testid="members-total">{formatCount(page.total)}</span> {page.total === 1 ? "user" : "users"}
              </span>
            )}
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">
            {page?.criteria ? `${page.criteria}. ` : ""}
            {definitionLabel}
            {page ? ` · as of ${page.asOfDay}` : ""}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {exportHref && (
            <a href={exportHref} download className={buttonClasses("secondary")} data-testid="export-csv">
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
                <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
                <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
              </svg>
              Export CSV
            </a>
          )}
          <Button variant="ghost" onClick={onClose} aria-label={`Close the member list of ${segment}`}>
            Close
          </Button>
        </div>
      </header>
      <div className="space-y-3 px-5 py-4">
        {members.isError ? (
          <ErrorState
            title="The members could not be loaded"
            message={members.error.message}
            errorId={members.error instanceof ApiRequestError ? members.error.errorId : undefined}
            onRetry={() => void members.refetch()}
          />
        ) : !page ? (
          <div role="status" aria-label="Loading members" className="space-y-3">
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} className="h-4 w-full" />
            ))}
          </div>
        ) : page.total === 0 ? (
          <EmptyState title={`No users in ${segment}`}>
            <p>No user in view matches this segment&apos;s criteria. Loosen a threshold or clear a filter to see some.</p>
          </EmptyState>
        ) : (
          <>
            <Table caption={`Users in ${segment}, with the features that put them there`} busy={members.isPlaceholderData} dense>
              <thead className="bg-slate-50">
                <tr>
                  <SortableHeader label="User ID" description="The user id from the source data." sortKey="userId" numeric={false} firstDir="asc" current={current} onSort={onSort} wrap />
                  {page.columns.map((column) => (
                    <SortableHeader key={column.key} label={column.label} description={column.description} sortKey={column.key} numeric firstDir="desc" current={current} onSort={onSort} wrap />
                  ))}
                  {dimensions.map((dimension) => (
                    <th key={dimension} scope="col" className="px-2 py-2.5 text-left align-bottom text-xs font-semibold text-slate-600">
                      {DIMENSION_LABELS[dimension]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.rows.map((row) => (
                  <tr key={row.userId} data-testid="member-row" className="hover:bg-slate-50">
                    <th scope="row" className={`${tdClass} max-w-56 truncate font-medium text-slate-900`} title={row.userId}>
                      {row.userId}
                    </th>
                    {page.columns.map((column) => (
                      <td key={column.key} className={tdNumericClass}>
                        {formatValue(column, row.values[column.key] ?? null)}
                      </td>
                    ))}
                    {dimensions.map((dimension) => (
                      <td key={dimension} className={tdClass}>
                        {row.dimensions[dimension] ?? missing}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
            <MembersPagination page={page} listState={listState} onListChange={onListChange} />
          </>
        )}
      </div>
    </section>
  );
}

function MembersPagination({
  page,
  listState,
  onListChange,
}: {
  page: SegmentMembersResponse;
  listState: MemberListState;
  onListChange: (change: Partial<MemberListState>) => void;
}) {
  const first = (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  return (
    <nav aria-label="Member pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p data-testid="members-range">
        Showing{" "}
        <span className="font-medium text-slate-900 tabular-nums">
          {formatCount(first)}–{formatCount(last)}
        </span>{" "}
        of <span className="font-medium text-slate-900 tabular-nums">{formatCount(page.total)}</span>
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1.5 text-xs text-slate-500">
          Rows
          <select
            value={listState.pageSize}
            onChange={(event) => onListChange({ pageSize: Number(event.target.value), page: 1 })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
          >
            {MEMBER_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums">
          Page {formatCount(page.page)} of {formatCount(Math.max(1, page.pageCount))}
        </span>
        <Button variant="secondary" onClick={() => onListChange({ page: page.page - 1 })} disabled={page.page <= 1}>
          Previous
        </Button>
        <Button variant="secondary" onClick={() => onListChange({ page: page.page + 1 })} disabled={page.page >= page.pageCount}>
          Next
        </Button>
      </div>
    </nav>
  );
}
