import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/components/format/dates";
import { formatAmount, formatCount, formatDecimal } from "@/components/format/numbers";
import type { UserRow, UserSortKey } from "@/lib/datasets/list-dataset-users.types";

export interface UserColumn {
  key: UserSortKey;
  label: string;
  /** Shown as the header's tooltip: what the number means and its unit. */
  description: string;
  numeric: boolean;
  /** The direction a first click sorts: biggest / newest first for figures, A→Z for text. */
  firstDir: "asc" | "desc";
  render: (row: UserRow, timeZone: string) => ReactNode;
}

const missing = (
  <span className="text-slate-300">
    <span aria-hidden="true">—</span>
    <span className="sr-only">not computed</span>
  </span>
);

function orMissing<T>(value: T | null, show: (value: T) => ReactNode): ReactNode {
  return value === null ? missing : show(value);
}

/**
 * The users table, left to right. The descriptions (header tooltips) restate
 * the definitions in lib/features/feature-sql.ts; change them together.
 */
export const USER_COLUMNS: UserColumn[] = [
  { key: "userId", label: "User ID", description: "The user id from the source data", numeric: false, firstDir: "asc", render: (row) => row.userId },
  {
    key: "firstSeen",
    label: "First seen",
    description: "Date of the user's first event, in the dataset's time zone",
    numeric: false,
    firstDir: "desc",
    render: (row, tz) => <time dateTime={row.firstSeen} title={formatDateTime(row.firstSeen, tz)}>{formatDate(row.firstSeen, tz)}</time>,
  },
  {
    key: "lastSeen",
    label: "Last seen",
    description: "Date of the user's latest event, in the dataset's time zone",
    numeric: false,
    firstDir: "desc",
    render: (row, tz) => <time dateTime={row.lastSeen} title={formatDateTime(row.lastSeen, tz)}>{formatDate(row.lastSeen, tz)}</time>,
  },
  {
    key: "recencyDays",
    label: "Recency",
    description: "Days from the day of the last event to the as-of day, in the dataset's time zone (0 = active that day)",
    numeric: true,
    firstDir: "asc",
    render: (row) => orMissing(row.recencyDays, (days) => `${formatCount(days)} d`),
  },
  { key: "frequency", label: "Frequency", description: "Number of events (purchases only, for transaction datasets)", numeric: true, firstDir: "desc", render: (row) => orMissing(row.frequency, formatCount) },
  { key: "monetary", label: "Monetary", description: "Sum of revenue over the user's events, in the source's currency (0 when none)", numeric: true, firstDir: "desc", render: (row) => orMissing(row.monetary, formatAmount) },
  {
    key: "sessionsPerWeek",
    label: "Sessions/wk",
    description: "Sessions per week of the user's lifetime; a session ends after the dataset's inactivity timeout",
    numeric: true,
    firstDir: "desc",
    render: (row) => orMissing(row.sessionsPerWeek, (value) => formatDecimal(value, 1)),
  },
  {
    key: "activeDays30d",
    label: "Active 30d",
    description: "Distinct days with any event in the last 30 days up to the as-of day",
    numeric: true,
    firstDir: "desc",
    render: (row) => orMissing(row.activeDays30d, formatCount),
  },
  {
    key: "coreFeaturesUsed",
    label: "Core feat.",
    description: "How many of the dataset's core feature events the user has ever done",
    numeric: true,
    firstDir: "desc",
    render: (row) => orMissing(row.coreFeaturesUsed, formatCount),
  },
  {
    key: "converted",
    label: "Converted",
    description: "The user did the dataset's conversion event (No when the dataset names none)",
    numeric: false,
    firstDir: "desc",
    render: (row) =>
      orMissing(row.converted, (converted) =>
        converted ? <span className="font-medium text-emerald-700">Yes</span> : <span className="text-slate-500">No</span>,
      ),
  },
  { key: "channel", label: "Channel", description: "Acquisition channel from the user's traits", numeric: false, firstDir: "asc", render: (row) => orMissing(row.channel, (v) => v) },
  { key: "plan", label: "Plan", description: "Plan from the user's traits", numeric: false, firstDir: "asc", render: (row) => orMissing(row.plan, (v) => v) },
  { key: "country", label: "Country", description: "Country from the user's traits", numeric: false, firstDir: "asc", render: (row) => orMissing(row.country, (v) => v) },
];
