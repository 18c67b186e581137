import { formatDateTime } from "@/components/format/dates";
import type { SavedDefinition } from "@/lib/segments/segment-definitions.types";

/** Every version of a saved definition, newest first: who saved it, when, why (the saver's note) and what changed. */
export function VersionHistory({
  saved,
  shownVersion,
  edited,
  timeZone,
  onView,
}: {
  saved: SavedDefinition;
  /** The version the thresholds start from. */
  shownVersion: number | null;
  /** The thresholds were edited since (a draft on top of `shownVersion`). */
  edited: boolean;
  timeZone: string;
  onView: (version: number) => void;
}) {
  return (
    <ol className="space-y-3" aria-label={`Versions of ${saved.name}`}>
      {saved.history.map((version) => {
        const shown = version.version === shownVersion;
        return (
          <li key={version.version} data-testid="definition-history-item" className="text-sm">
            <div className="flex items-baseline justify-between gap-2">
              <p className="font-semibold text-slate-900">v{version.version}</p>
              {shown && !edited ? (
                <span className="text-xs font-medium text-indigo-700">Shown</span>
              ) : (
                <button
                  type="button"
                  onClick={() => onView(version.version)}
                  className="text-xs font-medium text-indigo-700 hover:underline"
                  aria-label={`View version ${version.version}`}
                  title={edited ? "Discards the edits" : undefined}
                >
                  {shown ? "Draft starts here · view" : "View"}
                </button>
              )}
            </div>
            <p className="text-xs text-slate-500">
              <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, timeZone)}</time> · {version.createdBy}
            </p>
            {version.note && (
              <p data-testid="definition-history-note" className="mt-1 border-l-2 border-indigo-200 pl-2 text-[13px] whitespace-pre-line text-slate-800">
                {version.note}
              </p>
            )}
            <ul className="mt-0.5 space-y-0.5 text-[13px] text-slate-600">
              {version.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
