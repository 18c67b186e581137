import { thClass, thNumericClass } from "./table";

export type SortDir = "asc" | "desc";

/**
 * A column header that sorts its table: a button with the direction it will
 * sort next in its title, `aria-sort` for screen readers. `wrap` lets long
 * numeric labels break over lines so many columns fit.
 */
export function SortableHeader<K extends string>({
  label,
  description,
  sortKey,
  numeric,
  firstDir,
  current,
  onSort,
  wrap = false,
}: {
  label: string;
  /** Ends with its own punctuation; " Sort ascending." is appended. */
  description: string;
  sortKey: K;
  numeric: boolean;
  firstDir: SortDir;
  current: { sort: string; dir: SortDir } | null;
  onSort: (sort: K, dir: SortDir) => void;
  wrap?: boolean;
}) {
  const active = current?.sort === sortKey;
  const nextDir: SortDir = active ? (current!.dir === "asc" ? "desc" : "asc") : firstDir;
  const layout = wrap ? `items-end ${numeric ? "max-w-28 text-right whitespace-normal" : "text-left"}` : "items-center";
  return (
    <th
      scope="col"
      aria-sort={active ? (current!.dir === "asc" ? "ascending" : "descending") : "none"}
      className={`${numeric ? thNumericClass : thClass}${wrap ? " align-bottom" : ""}`}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey, nextDir)}
        title={`${description} Sort ${nextDir === "asc" ? "ascending" : "descending"}.`}
        className={`inline-flex ${layout} gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 ${active ? "text-indigo-700" : ""}`}
      >
        <span>{label}</span>
        <SortIcon state={active ? current!.dir : null} />
      </button>
    </th>
  );
}

function SortIcon({ state }: { state: SortDir | null }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3" fill="currentColor">
      <path d="M6 1.5 9 5H3z" className={state === "asc" ? "opacity-100" : "opacity-25"} />
      <path d="M6 10.5 3 7h6z" className={state === "desc" ? "opacity-100" : "opacity-25"} />
    </svg>
  );
}
