import { formatDate, formatDateTime } from "@/components/format/dates";
import type { DefinitionVersion } from "@/lib/segments/segment-definitions.types";

/**
 * Which definition and which data the numbers on screen came from: the
 * definition version (or "draft, unsaved"), the features' as-of day and when
 * they were computed, and whether events arrived since (stale).
 */
export function DefinitionStatus({
  modelName,
  version,
  isDraft,
  basedOn,
  latestVersion,
  asOfDay,
  refreshedAt,
  timeZone,
  stale,
  updating,
  onViewLatest,
  onDiscardEdits,
}: {
  modelName: string;
  /** The saved version the numbers used; null for a draft or the built-in default. */
  version: DefinitionVersion | null;
  isDraft: boolean;
  /** What a draft started from ("Default v3", "the built-in default"). */
  basedOn: string;
  /** Newest version of the saved definition shown, when a newer one exists than `version`. */
  latestVersion: number | null;
  asOfDay: string | null;
  refreshedAt: string | null;
  timeZone: string;
  stale: boolean;
  updating: boolean;
  onViewLatest: () => void;
  onDiscardEdits: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="definition-status">
      <p>
        <span className="text-slate-500">Definition:</span>{" "}
        <span className="font-medium text-slate-900">{modelName}</span>
        {" · "}
        {isDraft ? (
          <>
            <span className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset" data-testid="definition-version">
              draft, unsaved
            </span>{" "}
            <span className="text-slate-500">based on {basedOn}</span>{" "}
            <button type="button" onClick={onDiscardEdits} className="text-xs font-medium text-indigo-700 hover:underline">
              Discard edits
            </button>
          </>
        ) : version ? (
          <>
            <span className="font-medium text-slate-900" data-testid="definition-version">
              {version.name} v{version.version}
            </span>{" "}
            <span className="text-slate-500">
              (saved <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, timeZone)}</time> by {version.createdBy})
            </span>
            {latestVersion !== null && latestVersion > version.version && (
              <>
                {" "}
                <button type="button" onClick={onViewLatest} className="text-xs font-medium text-indigo-700 hover:underline">
                  v{latestVersion} is the latest — view it
                </button>
              </>
            )}
          </>
        ) : (
          <span className="text-slate-700" data-testid="definition-version">
            built-in default, unsaved
          </span>
        )}
      </p>
      {asOfDay && (
        <p className="text-slate-500">
          Features as of <span className="text-slate-700">{formatDate(`${asOfDay}T12:00:00Z`)}</span> (end of day, {timeZone})
          {refreshedAt && (
            <>
              {" · "}computed <time dateTime={refreshedAt}>{formatDateTime(refreshedAt, timeZone)}</time>
            </>
          )}
        </p>
      )}
      {stale && (
        <span className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset">
          Stale: events loaded since
        </span>
      )}
      <span aria-live="polite" className="text-xs text-slate-400">
        {updating ? "Updating…" : ""}
      </span>
    </div>
  );
}
